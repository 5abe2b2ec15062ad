import Testing
import WineBoxDomain

@Suite struct PasswordPolicyTests {
    private let policy = PasswordPolicy.standard
    private let email = "alice.smith+wine@example.com"

    /// The error `validate` throws for `password`, or nil when it is accepted.
    private func refusal(_ password: String, email: String? = nil) -> WineBoxError? {
        do {
            try policy.validate(password, email: email)
            return nil
        } catch {
            return error
        }
    }

    @Test func sevenCharactersAreRefusedAsTooShort() {
        let error = refusal("k9#Vx!2")
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("too short") == true)
        #expect(error?.message.contains("8") == true)
    }

    @Test func eightCharactersAreAccepted() {
        #expect(refusal("k9#Vx!2q") == nil)
    }

    @Test func oneHundredTwentyEightCharactersAreAccepted() {
        let password = String(repeating: "Vintage-", count: 16)
        #expect(password.count == 128)
        #expect(refusal(password) == nil)
    }

    @Test func oneHundredTwentyNineCharactersAreRefusedAsTooLong() {
        let error = refusal(String(repeating: "Vintage-", count: 16) + "x")
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("too long") == true)
    }

    @Test func emojiCountAsOneCharacterEach() {
        #expect(refusal("🍷🍇🧀🥖🍷🍇🧀")?.message.contains("too short") == true)
        #expect(refusal("🍷🍇🧀🥖🍷🍇🧀🥖") == nil)
        let family = "👨‍👩‍👧‍👦"
        #expect(family.count == 1)
        #expect(refusal(String(repeating: family, count: 8)) == nil)
        #expect(refusal(String(repeating: family, count: 64)) == nil)
        #expect(refusal(String(repeating: "🇫🇷", count: 128)) == nil)
    }

    @Test func charactersOfManyBytesCannotMakeAnOversizedPassword() {
        // 128 characters, each a letter with 20 combining accents: 5 KiB of UTF-8 before hashing.
        let heavy = "e" + String(repeating: "\u{301}", count: 20)
        let password = String(repeating: heavy, count: 128)
        #expect(password.count == 128)
        #expect(refusal(password)?.message.contains("too long") == true)
    }

    @Test(arguments: ["password123", "PASSWORD123", "PassWord123", "iloveyou", "qwertyuiop", "baseball1"])
    func commonPasswordsAreRefusedInAnyCase(password: String) {
        let error = refusal(password)
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("common") == true)
    }

    @Test(arguments: ["WineBox", "winebox2024", "Cellar2024!", "!!cellar!!", "winecellar1", "WINE-CELLAR 99"])
    func passwordsBuiltFromTheServicesNameAreRefused(password: String) {
        let error = refusal(password.count < 8 ? password + "12345678" : password)
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("name of this service") == true)
    }

    @Test(arguments: ["alice.smith", "Alice.Smith2024", "AliceSmith99", "smith-1234", "alice.smith+wine"])
    func passwordsBuiltFromTheEmailAreRefused(password: String) {
        let error = refusal(password, email: email)
        #expect(error?.code == .invalidInput)
        #expect(error?.message.contains("email address") == true)
    }

    @Test func aMixOfEmailAndServiceWordsIsRefused() {
        #expect(refusal("smith-winebox-1", email: email)?.code == .invalidInput)
    }

    @Test(arguments: [
        "correct horse battery staple", "my wine cellar in the attic", "Winebox rocks on Sundays", "Smithereens 1987!",
    ])
    func passphrasesAreAccepted(password: String) {
        #expect(refusal(password, email: email) == nil)
    }

    @Test func messagesNeverContainThePasswordOrTheEmail() {
        let refused = [
            "k9#Vx!2", "password123", "winebox2024", "alice.smith99", "cellar!!", String(repeating: "x", count: 129),
        ]
        for password in refused {
            let error = refusal(password, email: email)
            #expect(error != nil)
            let message = error?.message.lowercased() ?? ""
            #expect(!message.contains(password.lowercased()))
            #expect(!message.contains("alice"))
        }
    }

    @Test func spacesCountAsTyped() {
        // Six characters once trimmed, ten as typed: the policy never trims.
        #expect(refusal("  k9#Vx!  ") == nil)
    }

    @Test func customLimitsAreHonoured() {
        let strict = PasswordPolicy(minimumLength: 15, contextWords: ["grape"])
        #expect(throws: WineBoxError.self) { try strict.validate("k9#Vx!2qLmN0pR") }
        #expect(throws: WineBoxError.self) { try strict.validate("grape-2024-2025!!") }
        #expect(throws: Never.self) { try strict.validate("winebox-was-here-99") }
    }
}
