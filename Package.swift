// swift-tools-version:6.0
import PackageDescription

/// Settings applied to every Swift target.
///
/// - `ExistentialAny` (SE-0335): existential types are spelled `any P`, so their cost is visible.
/// - `MemberImportVisibility` (SE-0444): a file sees only the members of modules it imports itself.
/// - `InternalImportsByDefault` (SE-0409): `public import` marks where a module's types leak into API.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "WineBox",
    products: [
        .executable(name: "winebox", targets: ["winebox"])
    ],
    targets: [
        // C libraries from Debian 12, each wrapped as a system library with a small shim header.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CArgon2", pkgConfig: "libargon2", providers: [.apt(["libargon2-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // libcurl's headers only: the library is loaded with dlopen on first use (see CCurl.h).
        .target(name: "CCurl"),
        // libarchive, loaded with dlopen on first use (see CArchive.h); its headers come from libarchive-dev.
        .target(name: "CArchive"),
        // libvips, loaded with dlopen on first use (see CVips.h); it declares the few libvips functions it calls.
        .target(name: "CVips"),
        // libvips' headers, for CVipsABICheck only: no product links this module. pkg-config's "vips" would add
        // -pthread (from OpenEXR), which SwiftPM refuses; <vips/vips.h> needs only GLib's include folders.
        .systemLibrary(name: "CVipsHeaders", pkgConfig: "gobject-2.0", providers: [.apt(["libvips-dev"])]),
        // Compiled, never linked: fails the build when CVips' declarations differ from libvips' headers.
        .target(name: "CVipsABICheck", dependencies: ["CVips", "CVipsHeaders"], publicHeadersPath: "."),
        // Tesseract, loaded with dlopen at the first label scan (see CTesseract.h); it declares the few C API
        // functions it calls.
        .target(name: "CTesseract"),
        // Compiled, never linked: fails the build when CTesseract's declarations differ from <tesseract/capi.h>
        // (libtesseract-dev), which needs no include flags beyond /usr/include.
        .target(name: "CTesseractABICheck", dependencies: ["CTesseract"], publicHeadersPath: "."),
        // toml++ is C++; this tiny target gives it a C interface Swift can call.
        .target(
            name: "CTOMLShim",
            cxxSettings: [.define("TOML_HEADER_ONLY", to: "0"), .define("TOML_SHARED_LIB", to: "1")],
            linkerSettings: [.linkedLibrary("tomlplusplus")]
        ),

        // Swift modules, lowest layer first. Dependencies point one way only.
        .target(name: "WineBoxSupport", dependencies: ["CCrypto"], swiftSettings: swiftSettings),
        .target(name: "WineBoxHTTP", dependencies: ["CMicroHTTPD", "WineBoxSupport"], swiftSettings: swiftSettings),
        .target(name: "WineBoxWeb", dependencies: ["WineBoxHTTP", "WineBoxSupport"], swiftSettings: swiftSettings),
        // The label gazetteers are compiled into the binary (`PackageResources.regions_tsv` …), like openapi.json.
        .target(
            name: "WineBoxDomain", exclude: ["Resources/README.md"],
            resources: [
                .embedInCode("Resources/Gazetteers/countries.tsv"), .embedInCode("Resources/Gazetteers/regions.tsv"),
                .embedInCode("Resources/Gazetteers/appellations.tsv"), .embedInCode("Resources/Gazetteers/grapes.tsv"),
                .embedInCode("Resources/Gazetteers/classifications.tsv"),
                .embedInCode("Resources/Gazetteers/winetypes.tsv"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "WineBoxStorage", dependencies: ["CSQLite", "WineBoxDomain"], swiftSettings: swiftSettings),
        .target(name: "WineBoxConfig", dependencies: ["CTOMLShim"], swiftSettings: swiftSettings),
        .target(
            name: "WineBoxServices",
            dependencies: [
                "CArchive", "CArgon2", "CCrypto", "CCurl", "CTesseract", "CVips", "WineBoxDomain", "WineBoxSupport",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WineBoxApp",
            dependencies: [
                "WineBoxConfig", "WineBoxDomain", "WineBoxHTTP", "WineBoxServices", "WineBoxStorage",
                "WineBoxSupport", "WineBoxWeb",
            ],
            // The OpenAPI document is compiled into the binary (`PackageResources.openapi_json`) rather than
            // shipped as a resource bundle, which a copied static executable would lose (see docs/api.md).
            resources: [.embedInCode("Resources/openapi.json")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WineBoxCLI",
            dependencies: ["WineBoxApp", "WineBoxConfig", "WineBoxServices", "WineBoxStorage", "WineBoxSupport"],
            swiftSettings: swiftSettings
        ),
        // Linked with lld, whose compact relative relocations (DT_RELR, glibc 2.36 and later) replace about 76,000
        // RELA entries: the dynamic loader read all 1.8 MB of them at every start, and they stayed resident.
        .executableTarget(
            name: "winebox", dependencies: ["WineBoxCLI"], swiftSettings: swiftSettings,
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"])]
        ),

        // Helpers shared by the test targets (a raw HTTP client, temporary directories, hand-made archives); never
        // shipped.
        .target(name: "WineBoxTesting", dependencies: ["CArchive"], swiftSettings: swiftSettings),

        // Tests mirror the modules.
        .testTarget(
            name: "WineBoxSupportTests", dependencies: ["WineBoxTesting", "WineBoxSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WineBoxHTTPTests",
            dependencies: ["WineBoxTesting", "WineBoxHTTP", "WineBoxSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WineBoxWebTests",
            dependencies: ["WineBoxTesting", "WineBoxWeb", "WineBoxHTTP", "WineBoxSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WineBoxDomainTests", dependencies: ["WineBoxDomain"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WineBoxStorageTests", dependencies: ["WineBoxStorage", "WineBoxDomain", "WineBoxTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WineBoxConfigTests", dependencies: ["WineBoxConfig"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WineBoxServicesTests",
            dependencies: ["CVips", "WineBoxTesting", "WineBoxServices", "WineBoxDomain", "WineBoxSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WineBoxAppTests",
            dependencies: [
                "WineBoxTesting", "WineBoxApp", "WineBoxConfig", "WineBoxDomain", "WineBoxHTTP", "WineBoxServices",
                "WineBoxStorage", "WineBoxSupport", "WineBoxWeb",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WineBoxCLITests",
            dependencies: ["WineBoxTesting", "WineBoxCLI", "WineBoxConfig"],
            swiftSettings: swiftSettings
        ),
    ],
    cxxLanguageStandard: .cxx17
)
