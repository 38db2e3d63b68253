import Domain
import Foundation
import Mapping
import Resolution
import Scheduling
import YAML

/// Every problem of a configuration file, each as `file:line:col: error: …` (mapping files' own errors included).
struct ServiceConfigurationError: Error, CustomStringConvertible {
    var lines: [String]
    var description: String { lines.joined(separator: "\n") }
}

/// Reads a daemon configuration file (YAML, the mappings' loader: every node keeps its line and column, no implicit
/// typing, unknown keys are errors) and reports every error at once as `file:line:col: error: …`.
enum ServiceConfigurationLoader {
    static let topKeys = [
        "store", "store_connections", "listen", "threads", "idle_timeout", "max_body", "shutdown_grace", "log_level", "time_zone", "resolver", "sources", "keys",
    ]
    static let sourceKeys = [
        "name", "registry", "mapping", "connector", "encoding", "schedule", "retry", "mode", "tombstones", "tombstone_limit",
    ]
    static let connectorKeys = [
        "file", "drop", "glob", "settle", "move_processed", "url", "connect_timeout", "timeout", "retries", "page_param", "first_page",
        "max_pages", "bearer_token_file", "basic_auth_file", "cacert", "cert", "key", "max_bytes",
    ]
    static let encodings = ["auto", "utf-8", "utf-16", "windows-1258", "tcvn3", "vni"]

    /// The configuration with its sources' mappings loaded; throws every problem found.
    static func load(path: String) throws(ServiceConfigurationError) -> ServiceConfiguration {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(contentsOf: path)
        } catch {
            throw ServiceConfigurationError(lines: error.errors.map(\.description))
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var reader = Reader(directory: directory)
        let configuration = reader.configuration(root)
        let lines = reader.errors.map(\.description) + reader.mappingProblems
        guard lines.isEmpty else { throw ServiceConfigurationError(lines: lines) }
        return configuration
    }

    /// Walks the tree, collecting errors instead of stopping at the first.
    struct Reader {
        let directory: String
        var errors: [YAMLError] = []
        /// Problems of the mapping files named (their own locations).
        var mappingProblems: [String] = []

        mutating func attempt<T>(_ body: () throws(YAMLError) -> T) -> T? {
            do {
                return try body()
            } catch {
                errors.append(error)
                return nil
            }
        }

        func path(_ text: String) -> String {
            text.hasPrefix("/") ? text : URL(fileURLWithPath: directory).appendingPathComponent(text).standardizedFileURL.path
        }

        /// The longest duration any setting takes (366 days): a larger one is a typo, and would overflow the
        /// whole-second and dispatch-time arithmetic it feeds.
        static let longestDuration = 31_622_400.0

        mutating func seconds(_ node: YAMLNode) -> Double? {
            attempt { () throws(YAMLError) -> Double in
                let text = try node.string()
                let value: Double
                if let number = Double(text), number >= 0, number.isFinite {
                    value = number
                } else if let unit = text.last, "smhdw".contains(unit), text.dropLast().allSatisfy({ $0 == "0" }), text.count > 1 {
                    value = 0
                } else if let parsed = DurationText.seconds(text) {
                    value = Double(parsed)
                } else {
                    throw node.error("config.duration", "expected seconds or a duration such as 90s, 15m or 1h30m, found '\(text)'")
                }
                guard value <= Self.longestDuration else { throw node.error("config.duration", "'\(text)' is longer than 366 days") }
                return value
            }
        }

        mutating func int(_ node: YAMLNode, _ range: ClosedRange<Int>) -> Int? {
            attempt { () throws(YAMLError) -> Int in
                let value = try node.int()
                guard range.contains(value) else { throw node.error("config.range", "\(value) is outside \(range.lowerBound)…\(range.upperBound)") }
                return value
            }
        }

        mutating func configuration(_ root: YAMLNode) -> ServiceConfiguration {
            var configuration = ServiceConfiguration()
            errors += root.checkKeys(allowed: ServiceConfigurationLoader.topKeys, required: ["sources"], context: "the configuration")
            guard errors.isEmpty || !root.pairs.isEmpty else { return configuration }
            if let node = root["store"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
                configuration.store = text.hasPrefix("sqlite:") && !text.hasPrefix("sqlite:/") ? "sqlite:" + path(String(text.dropFirst(7))) : text
            }
            if let node = root["store_connections"], let value = int(node, Context.storeConnectionRange) { configuration.storeConnections = value }
            if let node = root["listen"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
                if ListenAddress(text) == nil { errors.append(node.error("config.listen", "expected HOST:PORT, found '\(text)'")) }
                configuration.listen = text
            }
            if let node = root["threads"], let value = int(node, 1...256) { configuration.threads = value }
            if let node = root["idle_timeout"], let value = seconds(node) { configuration.idleTimeoutSeconds = max(1, Int(value)) }
            if let node = root["max_body"], let value = int(node, 0...(1 << 30)) { configuration.maxBodyBytes = value }
            if let node = root["shutdown_grace"], let value = seconds(node) { configuration.shutdownGraceSeconds = value }
            if let node = root["log_level"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
                if let level = ServiceLog.Level(rawValue: text) {
                    configuration.logLevel = level
                } else {
                    errors.append(node.error("config.log_level", "expected debug, info, warn or error, found '\(text)'"))
                }
            }
            if let node = root["time_zone"], let text = attempt({ () throws(YAMLError) in try node.string() }) {
                if let zone = TimeZone(identifier: text) {
                    configuration.timeZone = zone
                } else {
                    errors.append(node.error("config.time_zone", "unknown time zone '\(text)' (e.g. Asia/Ho_Chi_Minh)"))
                }
            }
            if let node = root["resolver"] {
                resolver(node, into: &configuration.resolver)
                if let problem = configuration.resolver.problem { errors.append(node.error("config.resolver", problem)) }
            }
            if let node = root["sources"], let items = attempt({ () throws(YAMLError) in try node.sequence() }) {
                for item in items {
                    guard let source = source(item, timeZone: configuration.timeZone) else { continue }
                    if configuration.sources.contains(where: { $0.name == source.name }) {
                        errors.append((item["name"] ?? item).error("config.duplicate", "a source named '\(source.name)' is already configured"))
                    }
                    if let other = configuration.sources.first(where: { $0.loadedMapping?.source == source.loadedMapping?.source }),
                        let shared = source.loadedMapping?.source
                    {
                        errors.append(
                            (item["mapping"] ?? item).error(
                                "config.duplicate",
                                "sources '\(other.name)' and '\(source.name)' both write mentions of the mapping source '\(shared)': their record "
                                    + "keys and checkpoints would collide; give each a mapping with its own 'source:'"))
                    }
                    configuration.sources.append(source)
                }
            }
            if let node = root["keys"] { configuration.keys = keys(node) }
            return configuration
        }

        mutating func resolver(_ node: YAMLNode, into settings: inout ResolverSettings) {
            errors += node.checkKeys(allowed: ["auto_link", "review_threshold"], context: "resolver")
            for (key, keyPath) in [("auto_link", \ResolverSettings.autoLinkProbability), ("review_threshold", \.reviewProbability)] {
                guard let value = node[key] else { continue }
                if let number = attempt({ () throws(YAMLError) in try value.double() }) {
                    if (0...1).contains(number) {
                        settings[keyPath: keyPath] = number
                    } else {
                        errors.append(value.error("config.range", "\(key) is a probability between 0 and 1"))
                    }
                }
            }
        }

        mutating func source(_ node: YAMLNode, timeZone: TimeZone) -> SourceConfiguration? {
            let problems = node.checkKeys(
                allowed: ServiceConfigurationLoader.sourceKeys, required: ["name", "registry", "mapping", "connector", "schedule"],
                context: "a source")
            errors += problems
            guard !node.pairs.isEmpty,
                let name = node["name"].flatMap({ n in attempt { () throws(YAMLError) in try n.string() } }),
                let registry = node["registry"].flatMap({ n in attempt { () throws(YAMLError) in try n.string() } }),
                let mapping = node["mapping"].flatMap({ n in attempt { () throws(YAMLError) in try n.string() } }),
                let connectorNode = node["connector"], let scheduleNode = node["schedule"]
            else { return nil }
            if name.isEmpty || !name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) {
                errors.append(node["name"]!.error("config.name", "a source name is letters, digits, '-', '_' or '.', found '\(name)'"))
            }
            var schedule: Schedule?
            if let text = attempt({ () throws(YAMLError) in try scheduleNode.string() }) {
                do {
                    schedule = try Schedule.parse(text, timeZone: timeZone)
                } catch {
                    var position = scheduleNode.position
                    position.column += scheduleNode.scalarStyleOffset + error.column - 1
                    errors.append(YAMLError(position: position, rule: "config.schedule", message: error.description))
                }
            }
            var encoding: String?
            if let value = node["encoding"], let text = attempt({ () throws(YAMLError) in try value.string() }) {
                if ServiceConfigurationLoader.encodings.contains(text) {
                    encoding = text
                } else {
                    errors.append(
                        value.error(
                            "config.encoding", "unknown encoding '\(text)'; expected \(ServiceConfigurationLoader.encodings.joined(separator: ", "))",
                            suggestion: EditDistance.nearest(to: text, in: ServiceConfigurationLoader.encodings)))
                }
            }
            var source = SourceConfiguration(
                name: name, registry: registry, mapping: path(mapping), connector: .file(path: ""), encoding: encoding,
                schedule: schedule ?? .interval(seconds: 3_600))
            if let retry = node["retry"] {
                errors += retry.checkKeys(allowed: ["attempts", "base", "max"], context: "retry")
                if let value = retry["attempts"], let attempts = int(value, 0...100) { source.retries = attempts }
                if let value = retry["base"], let base = seconds(value) { source.retryBase = max(1, base) }
                if let value = retry["max"], let cap = seconds(value) { source.retryCap = max(source.retryBase, cap) }
            }
            source.snapshot = snapshotPolicy(node)
            guard let connector = connector(connectorNode) else { return nil }
            source.connector = connector
            do {
                let loaded = try MappingLoader.load(path: source.mapping)
                if loaded.registry != registry, let registryNode = node["registry"] {
                    errors.append(
                        registryNode.error(
                            "config.registry", "the mapping \(mapping) maps the \(loaded.registry) registry, not \(registry)"))
                }
                source.loadedMapping = loaded
            } catch let list as DiagnosticList {
                mappingProblems += list.diagnostics.map(\.description)
            } catch let diagnostic as Diagnostic {
                mappingProblems.append(diagnostic.description)
            } catch {
                errors.append(node["mapping"]!.error("config.mapping", "cannot load the mapping \(mapping): \(error)"))
            }
            return schedule == nil || source.loadedMapping == nil ? nil : source
        }
    }
}

/// `HOST:PORT` of `--listen` and the configuration's `listen`.
struct ListenAddress: Equatable {
    var host: String
    var port: Int

    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            return nil
        }
        host = String(text[..<colon])
        self.port = port
        guard !host.isEmpty else { return nil }
    }
}
