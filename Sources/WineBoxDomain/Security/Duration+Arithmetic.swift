extension Duration {
    /// The duration as a whole number of attoseconds (10⁻¹⁸ s), exact; used for integer division of durations,
    /// where `Duration / Duration` (a `Double`) could round a whole quotient down by one.
    var attoseconds: Int128 {
        let (seconds, attoseconds) = components
        return Int128(seconds) * 1_000_000_000_000_000_000 + Int128(attoseconds)
    }

    /// The duration in whole seconds, rounded up (1.2 s → 2, 3 s → 3), and 0 for zero or negative durations.
    ///
    /// Saturates at `Int.max`. This is the value a `Retry-After` header wants.
    var wholeSecondsRoundedUp: Int {
        guard self > .zero else {
            return 0
        }
        let (seconds, attoseconds) = components
        let rounded = attoseconds > 0 ? seconds.addingReportingOverflow(1) : (partialValue: seconds, overflow: false)
        return rounded.overflow ? Int.max : Int(clamping: rounded.partialValue)
    }
}
