// swift-tools-version:6.0
// RecoveryDesk: a terminal application for adult social care services recovering after a poor
// CQC inspection. See docs/architecture.md for how the modules fit together.
import PackageDescription

let package = Package(
    name: "RecoveryDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "recoverydesk", targets: ["recoverydesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The only code that includes curses.h.
        .target(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        // Pure-Swift terminal kit: buffer, width, styles, keys, widgets. No curses.
        .target(name: "TUI"),
        // The thin backend that pushes a TUI Buffer to ncursesw.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "TUI"]),
        // The domain: value types and rules. No I/O, no terminal.
        .target(name: "RecoveryModel"),
        // The store on SQLite through GRDB: schema, migrations, the audited write path, PINs.
        .target(
            name: "RecoveryStore",
            dependencies: [
                "RecoveryModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Made-up stores: the demo and the provider-scale stores the bench and the tests build.
        // Not linked by the app; the `recoverydesk demo` command, the bench and tests use it.
        .target(
            name: "RecoveryFixtures",
            dependencies: ["RecoveryModel", "RecoveryStore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Built-in plan templates and the bank holiday table, as data files, with their readers.
        .target(
            name: "PlanLibrary",
            dependencies: ["RecoveryModel", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")]
        ),
        // Built-in colour themes, kept as data files at the top of the repository.
        .target(
            name: "BuiltinThemes",
            path: "themes",
            exclude: ["README.md"],
            sources: ["BuiltinThemes.swift"],
            resources: [.copy("default.yaml"), .copy("light.yaml"), .copy("high-contrast.yaml"),
                        .copy("colour-blind.yaml"), .copy("monochrome.yaml")]
        ),
        // The use cases the app's screens and the command line share (docs/architecture.md).
        .target(name: "RecoveryServices", dependencies: ["RecoveryModel"]),

        // Screens, the app reducer, configuration and themes on disk, the run loop.
        .target(
            name: "RecoveryApp",
            dependencies: [
                "TUI", "RecoveryModel", "RecoveryServices", "RecoveryStore", "BuiltinThemes", "PlanLibrary",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "recoverydesk",
            dependencies: [
                "RecoveryApp", "RecoveryServices", "RecoveryStore", "RecoveryFixtures", "RecoveryModel", "PlanLibrary", "CursesTerminal", "TUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The provider-scale benchmark (`swift run -c release recoverydesk-bench`, docs/performance.md).
        // No test target depends on it.
        .executableTarget(
            name: "recoverydesk-bench",
            dependencies: [
                "RecoveryApp", "RecoveryServices", "RecoveryStore", "RecoveryFixtures", "RecoveryModel", "PlanLibrary", "TUI",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Helpers shared by the test targets (golden files). Not part of the app.
        .target(name: "TestSupport"),
        .testTarget(name: "TUITests", dependencies: ["TUI", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TUI"]),
        .testTarget(name: "RecoveryModelTests", dependencies: ["RecoveryModel"]),
        .testTarget(name: "PlanLibraryTests", dependencies: ["PlanLibrary", "RecoveryModel"]),
        .testTarget(name: "RecoveryStoreTests", dependencies: ["RecoveryStore", "RecoveryFixtures", "RecoveryModel", "PlanLibrary", "TestSupport", "recoverydesk"]),
        .testTarget(
            name: "RecoveryAppTests",
            dependencies: ["RecoveryApp", "RecoveryServices", "TUI", "RecoveryModel", "RecoveryStore", "PlanLibrary", "TestSupport"],
            exclude: ["Golden"]
        ),
        // Drives the real binary in tmux; depends on the executable so `swift test` builds it.
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "recoverydesk"]),
    ],
    swiftLanguageModes: [.v6]
)
