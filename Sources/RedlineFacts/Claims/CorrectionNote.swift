/// A newsroom's correction or clarification note: "Correction:", "Clarification:", "An earlier
/// version of this article…", "Editor's note:", "This article has been corrected/updated to…".
public enum CorrectionNote {
    static let markers = [
        "correction:", "corrections:", "clarification:", "editor's note:", "editor\u{2019}s note:", "editors' note:",
        "an earlier version of this article", "an earlier version of this story", "an earlier version of this report",
        "a previous version of this article", "a previous version of this story", "this article has been corrected",
        "this story has been corrected", "this article was corrected", "this story was corrected",
        "this article has been updated to correct", "this story has been updated to correct",
        "this article has been amended", "this story has been amended",
    ]

    /// Whether `text` carries a correction or clarification note.
    public static func isPresent(in text: String) -> Bool {
        let lower = text.lowercased()
        return markers.contains { lower.contains($0) }
    }
}
