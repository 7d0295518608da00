extension String {
    /// The text cut to at most `length` characters, an ellipsis marking the cut (labels, tooltips).
    func shortened(to length: Int) -> String {
        count > length ? String(prefix(max(0, length - 1))) + "…" : self
    }
}
