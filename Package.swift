// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongshi",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Gongshi", targets: ["Gongshi"]),
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
        .target(name: "CAtomicSwap"),
        .target(
            name: "Gongshi",
            dependencies: [
                "CCmark",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "GongshiServe",
            dependencies: [
                "Gongshi",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "gongshi",
            dependencies: [
                "Gongshi",
                "GongshiServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "gongshi-bench",
            dependencies: ["Gongshi"]
        ),
        .executableTarget(
            name: "gongshi-fuzz",
            dependencies: ["Gongshi"]
        ),
        .testTarget(
            name: "GongshiTests",
            dependencies: [
                "Gongshi", "GongshiServe", "gongshi",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
