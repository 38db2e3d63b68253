// swift-tools-version:6.0
// LienThong — data interoperability gateway between population, land and enterprise registries.
// No Swift package dependencies: the toolchain plus Debian C libraries as system-library targets.
// Module rules (who may import whom) are in docs/ARCHITECTURE.md and enforced in CI with
// `--explicit-target-dependency-import-check error`.
import PackageDescription

let package = Package(
    name: "LienThong",
    products: [
        .executable(name: "lienthong", targets: ["lienthong"])
    ],
    targets: [
        // C libraries: each imported by exactly one Swift wrapper module.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        // Foundations: value types and pure functions (Hashing can also digest a file as a stream).
        .target(name: "Domain"),
        .target(name: "TextEncodings"),
        .target(name: "Hashing", dependencies: ["CCrypto"]),
        .target(name: "Reference", dependencies: ["Domain"]),
        .target(name: "Normalization", dependencies: ["Domain", "Reference"]),
        .target(name: "YAML", dependencies: ["CYAML", "Domain"]),
        // Record comparison: Fellegi–Sunter comparisons, weights, EM estimation, blocking keys. Pure.
        .target(name: "Matching", dependencies: ["Domain", "Normalization"]),
        // Daemon foundations: 5-field cron and interval schedules, missed-run and back-off arithmetic (pure);
        // Prometheus-text metrics (counters, gauges, histograms with labels; thread-safe).
        .target(name: "Scheduling", dependencies: ["Domain"]),
        .target(name: "Metrics"),

        // Pipeline stages, in pipeline order. Stages never import each other.
        .target(name: "Ingestion", dependencies: ["Domain", "CCurl", "Hashing"]),
        .target(name: "Decoding", dependencies: ["Domain", "TextEncodings", "CLibXML2"]),
        .target(name: "Mapping", dependencies: ["Domain", "Normalization", "Reference", "YAML"]),
        .target(name: "Storage", dependencies: ["Domain"]),
        // The store's SQL, written once for every engine over a small driver protocol; each engine module wraps its C library.
        .target(name: "StorageSQL", dependencies: ["Domain", "Storage"]),
        .target(name: "StorageSQLite", dependencies: ["Domain", "Storage", "StorageSQL", "CSQLite"]),
        .target(name: "StoragePostgres", dependencies: ["Domain", "Storage", "StorageSQL", "CLibPQ"]),
        .target(name: "Resolution", dependencies: ["Domain", "Storage", "Normalization", "Matching"]),
        .target(name: "Publication", dependencies: ["Domain", "Storage"]),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
        // The query API and feed over HTTP: jurisdiction scopes, API keys, the hash-chained access log.
        .target(name: "QueryAPI", dependencies: ["Domain", "Storage", "HTTPServer", "Hashing", "Publication"]),

        // Synthetic registries for demos, tests and benchmarks.
        .target(name: "Synthesis", dependencies: ["Domain", "Reference", "Normalization", "TextEncodings"]),

        // Composition root: CLI verbs; the only place that picks a storage engine.
        .target(
            name: "LienThongCLI",
            dependencies: [
                "Domain", "Reference", "Normalization", "Decoding", "Mapping", "Storage", "StorageSQLite", "StoragePostgres",
                "Resolution", "Matching", "Publication", "Synthesis", "TextEncodings", "Hashing", "Ingestion",
                "HTTPServer", "QueryAPI", "Scheduling", "Metrics", "YAML",
            ]),
        .executableTarget(name: "lienthong", dependencies: ["LienThongCLI"]),

        .testTarget(name: "DomainTests", dependencies: ["Domain"]),
        .testTarget(name: "TextEncodingsTests", dependencies: ["TextEncodings"]),
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "ReferenceTests", dependencies: ["Reference", "Domain"]),
        .testTarget(name: "NormalizationTests", dependencies: ["Normalization", "Domain", "Reference"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "Domain", "Hashing"], exclude: ["Fixtures"]),
        .testTarget(name: "DecodingTests", dependencies: ["Decoding", "Domain", "TextEncodings"], exclude: ["Corpus"]),
        .testTarget(name: "MappingTests", dependencies: ["Mapping", "Domain", "Reference", "Normalization"]),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "Domain", "Normalization"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "StorageSQLite", "StoragePostgres", "StorageSQL", "Domain", "CSQLite"]),
        .testTarget(name: "ResolutionTests", dependencies: ["Resolution", "Storage", "StorageSQLite", "Domain", "Matching"]),
        .testTarget(name: "SynthesisTests", dependencies: ["Synthesis", "Domain", "Reference", "TextEncodings", "Normalization"]),
        .testTarget(name: "CLITests", dependencies: ["lienthong", "StoragePostgres", "StorageSQLite"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "QueryAPITests", dependencies: ["QueryAPI"]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "Domain"]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"]),
    ]
)
