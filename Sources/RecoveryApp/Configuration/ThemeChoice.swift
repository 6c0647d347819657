/// Which theme to use, from the command line, the settings file and the environment.
public enum ThemeChoice {
    /// The theme name or path to load: `NO_COLOR` (set and not empty) forces monochrome; otherwise
    /// `--theme` wins over the settings file, which wins over the built-in default.
    public static func resolve(commandLine: String?, configuration: String?,
                               environment: [String: String]) -> String {
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return "monochrome" }
        if let commandLine, !commandLine.isEmpty { return commandLine }
        if let configuration, !configuration.isEmpty { return configuration }
        return "default"
    }
}
