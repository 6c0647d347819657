/// Keys of the `setting` table (one row per setting, audited like any record).
enum Settings {
    /// The shortest PIN allowed, 4 to 12 digits; an administrator may raise it.
    static let minimumPINLength = "minimum_pin_length"
}
