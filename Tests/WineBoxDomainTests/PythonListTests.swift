import Testing
import WineBoxDomain

@Suite struct PythonListTests {
    @Test func listsAsTheDataSetWritesThem() {
        #expect(PythonList.strings("['Merlot']") == ["Merlot"])
        #expect(PythonList.strings("['Beef', \"Nero d'Avola\"]") == ["Beef", "Nero d'Avola"])
        #expect(PythonList.strings("['Touriga Nacional', 'Tinto Cão']") == ["Touriga Nacional", "Tinto Cão"])
        #expect(PythonList.parse("[2020, 2019, 'N.V.']") == [.integer(2020), .integer(2019), .text("N.V.")])
        #expect(PythonList.parse("[]") == [])
        #expect(PythonList.parse("") == [])
        #expect(PythonList.parse("   ") == [])
    }

    @Test func escapesSpacingAndTrailingCommas() {
        #expect(
            PythonList.strings(#"['it\'s', "a \"b\"", 'back\\slash', 'caf\xe9', '\u00e9t\u00e9']"#)
                == ["it's", "a \"b\"", "back\\slash", "café", "été"])
        #expect(PythonList.strings("[ 'a' ,'b', ]") == ["a", "b"])
        #expect(PythonList.strings(#"["json", "too"]"#) == ["json", "too"])
        #expect(PythonList.parse("[1.5]") == [.text("1.5")])
    }

    @Test func malformedListsAreRefused() {
        for text in ["Merlot", "['Merlot'", "['Merlot']x", "['a' 'b']", "[,]", "['unclosed]", "[abc]", "[[1]]"] {
            #expect(PythonList.parse(text) == nil, "\(text)")
        }
    }
}
