/// Minimal path arithmetic on plain strings, so the loader can work on injected directories.
enum PathJoin {
    /// `path` unchanged when it is absolute, else `base` and `path` joined with one `/`.
    static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return path }
        return join(base, path)
    }

    /// `first` and `second` joined with exactly one `/` between them.
    static func join(_ first: String, _ second: String) -> String {
        var head = first
        while head.count > 1 && head.hasSuffix("/") { head.removeLast() }
        var tail = Substring(second)
        while tail.hasPrefix("/") { tail.removeFirst() }
        if head.isEmpty { return String(tail) }
        return head == "/" ? "/" + tail : head + "/" + tail
    }

    /// The directory part of `path` (`/a/b/config.toml` gives `/a/b`), or `"."` when there is none.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}
