/// The version of RecoveryDesk, shown by `--version` and on the About screen.
public enum RecoveryDeskVersion {
    public static let current = "0.1.0"
}
