import Redline
import Testing

@Suite("Report output")
struct ReportOutputTests {
    @Test("Streaming a large report in chunks gives the bytes rendered in memory")
    func chunkedOutputMatchesMemory() {
        var old = ""
        var new = ""
        for k in 0..<6000 {
            let line = "Paragraph \(k): officials said \(k * 7) people were affected by the “storm”.\n\n"
            old += line
            new += k % 4 == 0 ? line.replacingOccurrences(of: "said", with: "confirmed") : line
        }
        let comparison = Redline.compare(
            TextDocument(name: "old", text: old), TextDocument(name: "new", text: new), by: .paragraph,
            options: Diff.Options(hierarchical: false, detectMoves: false))
        var chunks: [Int] = []
        var streamed: [UInt8] = []
        var output = ReportOutput { bytes in
            chunks.append(bytes.count)
            streamed.append(contentsOf: bytes)
        }
        UnifiedReport().render(comparison, into: &output)
        output.finish()
        #expect(streamed == UnifiedReport().render(comparison))
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0 >= 1 << 15 })  // no dribbling writes
        var text = ReportOutput { streamed.append(contentsOf: $0) }
        streamed = []
        TextReport(color: true).render(comparison, into: &text)
        text.finish()
        #expect(streamed == TextReport(color: true).render(comparison))
    }
}
