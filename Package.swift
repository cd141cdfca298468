// swift-tools-version:6.0
import PackageDescription

// One target per pipeline stage (docs/architecture.md). The dependency graph runs one way:
//   GongshiCore ← GongshiMarkdown ← GongshiContent (load, validate)
//   GongshiCore ← GongshiMarkdown ← GongshiRender (site model, views, templates, search)
//   GongshiCore ← GongshiOutput (staging folder and swap)
//   GongshiBuild (the build as named steps and incremental reuse) uses all of the above;
//   GongshiAuthoring (init, new, import), GongshiServe (preview) and GongshiCLI (the commands) sit on top.
// Loading, validation and rendering never see the output folder or the build cache.
let package = Package(
    name: "Gongshi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Gongshi", targets: [
            "GongshiCore", "GongshiMarkdown", "GongshiContent", "GongshiRender", "GongshiOutput", "GongshiBuild",
            "GongshiAuthoring", "GongshiServe", "GongshiCLI",
        ]),
        .executable(name: "gongshi", targets: ["gongshi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // libxml2's HTML parser: `gongshi import` of pages saved from an office's old website.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CAtomicSwap"),
        // Values every stage shares: notices, site settings, diagnostics, site layout, digests, parallel map.
        .target(name: "GongshiCore", dependencies: ["CAtomicSwap"]),
        // libcmark: bodies to HTML and text, and their outline (headings, links) for the checks.
        .target(name: "GongshiMarkdown", dependencies: ["CCmark"]),
        // Load (files → typed notices and settings, with diagnostics) and validate (checks across fields and notices).
        .target(name: "GongshiContent", dependencies: [
            "GongshiCore", "GongshiMarkdown", .product(name: "Yams", package: "Yams"),
        ]),
        // Site model, views, templates, the search index: what each output file holds.
        .target(name: "GongshiRender", dependencies: [
            "GongshiCore", "GongshiMarkdown",
            .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
        ]),
        // The staging folder and the atomic swap into the published output.
        .target(name: "GongshiOutput", dependencies: ["GongshiCore", "CAtomicSwap"]),
        // The build as named steps, and every decision to reuse the last build's work.
        .target(name: "GongshiBuild", dependencies: [
            "GongshiCore", "GongshiContent", "GongshiRender", "GongshiOutput", "CAtomicSwap",
        ]),
        // gongshi init / new / import (import reads .html with libxml2 and runs Debian's converters as processes).
        .target(name: "GongshiAuthoring", dependencies: [
            "GongshiCore", "GongshiContent", "GongshiRender", "CLibXML2",
            .product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "GongshiServe", dependencies: [
            "GongshiBuild", .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        // The commands, as a library so tests can run them without spawning the program.
        .target(name: "GongshiCLI", dependencies: [
            "GongshiBuild", "GongshiAuthoring", "GongshiServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "gongshi", dependencies: ["GongshiCLI"]),
        .executableTarget(name: "gongshi-bench", dependencies: ["GongshiBuild"]),
        .executableTarget(name: "gongshi-fuzz", dependencies: ["GongshiBuild"]),
        .testTarget(
            name: "GongshiTests",
            dependencies: [
                "GongshiCore", "GongshiMarkdown", "GongshiContent", "GongshiRender", "GongshiOutput", "GongshiBuild",
                "GongshiAuthoring", "GongshiServe", "GongshiCLI", "gongshi",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures", "Goldens"]
        ),
    ]
)
