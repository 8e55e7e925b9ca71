/// The per-decision texts of a `decisions/audit` table, in row order.
///
/// Fleet and facility runs both log, for every decision, the digest of what the agent saw and
/// the three texts it gave back; the table stores them as string-array attributes beside
/// the numeric rows.
struct DecisionAuditTexts {
    private(set) var digests: [String] = []
    private(set) var rootCauses: [String] = []
    private(set) var reasoning: [String] = []
    private(set) var recommendations: [String] = []

    mutating func append(digest: String, rootCause: String, reasoning text: String, recommendation: String) {
        digests.append(digest)
        rootCauses.append(rootCause)
        reasoning.append(text)
        recommendations.append(recommendation)
    }

    /// The table attributes: `digests`, `root_causes`, `reasoning`, `recommendations`.
    var attributes: [(attribute: String, values: [String])] {
        [("digests", digests), ("root_causes", rootCauses), ("reasoning", reasoning),
         ("recommendations", recommendations)]
    }
}
