/// One of CQC's quality statements, under a key question, in a named framework version.
public struct QualityStatement: Hashable, Sendable {
    /// The five key questions.
    public enum KeyQuestion: String, CaseIterable, Codable, Hashable, Sendable {
        case safe, effective, caring, responsive, wellLed = "well-led"
        public var title: String {
            switch self {
            case .safe: return "Safe"
            case .effective: return "Effective"
            case .caring: return "Caring"
            case .responsive: return "Responsive"
            case .wellLed: return "Well-led"
            }
        }
    }

    /// The framework version, e.g. "cqc-2024".
    public var framework: String
    /// A short code, e.g. "S8".
    public var code: String
    public var title: String
    public var keyQuestion: KeyQuestion

    public init(framework: String, code: String, title: String, keyQuestion: KeyQuestion) {
        self.framework = framework
        self.code = code
        self.title = title
        self.keyQuestion = keyQuestion
    }
}
