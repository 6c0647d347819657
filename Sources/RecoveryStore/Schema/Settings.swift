/// Keys of the `setting` table (one row per setting, audited like any record).
enum Settings {
    /// The shortest PIN allowed, 4 to 12 digits; an administrator may raise it.
    static let minimumPINLength = "minimum_pin_length"
}

extension Settings {
    /// "true" on a store made by the demo generator (`DemoStore` in RecoveryFixtures): fictional data, every PIN 1234.
    static let demo = "demo"
}
