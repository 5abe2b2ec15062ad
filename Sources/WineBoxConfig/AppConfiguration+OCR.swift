import Foundation

extension AppConfiguration {
    /// Label reading, the `[ocr]` section of `config.toml`: Tesseract on this machine, and optionally Claude
    /// (Anthropic's Messages API) first.
    public struct OCR: Sendable, Equatable {
        /// Whether label photos are sent to Claude first (`use_claude_vision`, `WINEBOX_OCR_USE_CLAUDE_VISION`).
        ///
        /// Default `true`, which does nothing until the secret `WINEBOX_ANTHROPIC_API_KEY` is set too: Claude is
        /// asked only when both are. When Claude fails (no answer in time, an error, an answer that is not the JSON
        /// asked for), Tesseract reads the labels instead. Set `false` to keep photos on this machine even when
        /// a key is configured.
        public var useClaudeVision = true
        /// The Tesseract languages (`tesseract_lang`, `WINEBOX_OCR_TESSERACT_LANG`): language codes joined by `+`.
        ///
        /// Default `"eng+fra+deu+ita+spa+por"`. Each code is 1-32 letters, digits or underscores (`chi_sim`);
        /// at most 16 codes. See ``tesseractLanguageCodes``.
        public var tesseractLanguages = "eng+fra+deu+ita+spa+por"
        /// The Claude model asked (`anthropic_model`, `WINEBOX_OCR_ANTHROPIC_MODEL`).
        ///
        /// Default `"claude-sonnet-4-6"`; any model id of the Messages API that accepts images. 1-100 letters,
        /// digits, `.`, `-`, `_`, `:` or `@`.
        public var anthropicModel = "claude-sonnet-4-6"
        /// Where the Messages API is (`anthropic_base_url`, `WINEBOX_OCR_ANTHROPIC_BASE_URL`); requests go to
        /// `<base>/v1/messages`.
        ///
        /// Default `"https://api.anthropic.com"`. An `https://` URL, or `http://` for a loopback host
        /// (`127.0.0.1`, `::1`, `localhost`: a local proxy or a test server) so the key never crosses a network
        /// in clear text. No user name, password, query or fragment.
        public var anthropicBaseURL = "https://api.anthropic.com"
        /// The most time one label reading may take with Claude, retries included, in seconds
        /// (`anthropic_timeout_seconds`, `WINEBOX_OCR_ANTHROPIC_TIMEOUT_SECONDS`). Default 60; 1-600.
        public var anthropicTimeoutSeconds = 60
        /// The most tokens Claude may answer with (`anthropic_max_tokens`, `WINEBOX_OCR_ANTHROPIC_MAX_TOKENS`).
        ///
        /// Default 1024; 64-8192. The JSON asked for needs a few hundred tokens plus the transcribed label texts.
        public var anthropicMaxTokens = 1024

        /// The all-defaults label reading settings.
        public init() {}

        /// ``anthropicTimeoutSeconds`` as a `Duration`.
        public var anthropicTimeout: Duration { .seconds(anthropicTimeoutSeconds) }

        /// ``tesseractLanguages`` split at `+`: `["eng", "fra", …]`.
        public var tesseractLanguageCodes: [String] {
            tesseractLanguages.split(separator: "+").map(String.init)
        }

        /// Whether Claude is asked: ``useClaudeVision`` is on and `apiKey` is set and not empty.
        public func usesClaude(apiKey: String?) -> Bool {
            useClaudeVision && !(apiKey ?? "").isEmpty
        }

        /// Why `text` is refused for ``tesseractLanguages`` ("must …"), or nil.
        static func problem(withTesseractLanguages text: String) -> String? {
            let codes = text.split(separator: "+", omittingEmptySubsequences: false)
            let valid =
                (1...16).contains(codes.count)
                && codes.allSatisfy { code in
                    (1...32).contains(code.utf8.count)
                        && code.utf8.allSatisfy { isASCIILetterOrDigit($0) || $0 == UInt8(ascii: "_") }
                }
            return valid ? nil : "must be 1 to 16 language codes (letters, digits, _) joined by +, such as \"eng+fra\""
        }

        /// Why `text` is refused for ``anthropicModel`` ("must …"), or nil.
        static func problem(withModel text: String) -> String? {
            let punctuation = Array(".-_:@".utf8)
            let valid =
                (1...100).contains(text.utf8.count)
                && text.utf8.allSatisfy { isASCIILetterOrDigit($0) || punctuation.contains($0) }
            return valid ? nil : "must be a model id of 1 to 100 letters, digits, '.', '-', '_', ':' or '@'"
        }

        private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }

        /// Why `text` is refused for ``anthropicBaseURL``, or nil.
        static func problem(withBaseURL text: String) -> String? {
            let general = "must be an https:// URL (http:// only for 127.0.0.1, ::1 or localhost) without query"
            guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
                let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                let host = components.host, !host.isEmpty,
                components.user == nil, components.password == nil, components.query == nil,
                components.fragment == nil
            else {
                return general
            }
            switch scheme {
            case "https":
                return nil
            case "http":
                let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
                return ["127.0.0.1", "::1", "localhost"].contains(bare)
                    ? nil : "must use https:// (http:// is allowed only for 127.0.0.1, ::1 or localhost)"
            default:
                return general
            }
        }
    }
}
