/// "Did you mean" suggestions for misspelt names.
enum Suggestion {
    /// The candidate closest to `name`, if one is close enough to be a likely typo.
    ///
    /// Closeness is the optimal-string-alignment distance (insertions, deletions, substitutions and
    /// swaps of neighbours each count 1), compared case-insensitively. A candidate qualifies when the
    /// distance is at most a third of `name`'s length, at least 1 and at most 3. Ties go to the
    /// earlier candidate.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, name.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance between `first` and `second`, in characters.
    ///
    /// O(m·n) time and memory for strings of m and n characters.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let left = Array(first)
        let right = Array(second)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { table[row][0] = row }
        for column in 0...right.count { table[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                var distance = min(
                    table[row - 1][column] + 1,
                    table[row][column - 1] + 1,
                    table[row - 1][column - 1] + cost
                )
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    distance = min(distance, table[row - 2][column - 2] + 1)
                }
                table[row][column] = distance
            }
        }
        return table[left.count][right.count]
    }
}
