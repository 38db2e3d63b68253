import Foundation
import Ingestion
import YAML

extension YAMLNode {
    /// Columns between a scalar node's position and its first character (1 for a quoted scalar).
    var scalarStyleOffset: Int {
        if case .scalar(_, let style) = content, style == .singleQuoted || style == .doubleQuoted { return 1 }
        return 0
    }
}

extension ServiceConfigurationLoader.Reader {
    /// `connector:` — exactly one of `file:`, `drop:` or `url:`, with the options that apply to it.
    mutating func connector(_ node: YAMLNode) -> SourceConfiguration.Connector? {
        errors += node.checkKeys(allowed: ServiceConfigurationLoader.connectorKeys, context: "connector")
        let kinds = ["file", "drop", "url"].filter { node[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = node[kind] else {
            errors.append(node.error("config.connector", "a connector has exactly one of file:, drop: or url:"))
            return nil
        }
        let dropOnly = ["glob", "settle", "move_processed"]
        let httpOnly = ServiceConfigurationLoader.connectorKeys.filter { !["file", "drop", "url"].contains($0) && !dropOnly.contains($0) }
        for pair in node.pairs where (dropOnly.contains(pair.name) && kind != "drop") || (httpOnly.contains(pair.name) && kind != "url") {
            errors.append(pair.key.error("config.connector", "\(pair.name) applies to \(dropOnly.contains(pair.name) ? "drop:" : "url:") connectors only"))
        }
        guard let text = attempt({ () throws(YAMLError) in try value.string() }) else { return nil }
        guard !text.isEmpty else {
            errors.append(value.error("config.connector", "\(kind): is empty"))
            return nil
        }
        switch kind {
        case "file":
            return .file(path: path(text))
        case "drop":
            var glob: String?
            if let globNode = node["glob"], let pattern = attempt({ () throws(YAMLError) in try globNode.string() }) {
                do {
                    _ = try GlobPattern(pattern)
                    glob = pattern
                } catch {
                    errors.append(globNode.error("config.glob", "\(error)"))
                }
            }
            let settle = node["settle"].flatMap { seconds($0) } ?? 5
            let move = node["move_processed"].flatMap { n in attempt { () throws(YAMLError) in try n.bool() } } ?? false
            return .dropFolder(directory: path(text), glob: glob, settleSeconds: settle, moveProcessed: move)
        default:
            if let why = HTTPFetcher.invalidity(of: text) {
                errors.append(value.error("config.url", "expected an absolute http(s) URL without credentials, found '\(text)': \(why)"))
                return nil
            }
            var pull = HTTPPullSettings()
            if let n = node["connect_timeout"], let v = seconds(n) { pull.connectTimeout = v }
            if let n = node["timeout"], let v = seconds(n) { pull.timeout = v }
            if let n = node["retries"], let v = int(n, 0...20) { pull.retries = v }
            if let n = node["page_param"], let name = attempt({ () throws(YAMLError) in try n.string() }) {
                if let problem = HTTPPullSettings.pageParameterProblem(name) {
                    errors.append(n.error("config.page_param", "page_param: \(problem)"))
                } else {
                    pull.pageParameter = name
                }
            }
            if let n = node["first_page"], let v = int(n, 0...1_000_000) { pull.firstPage = v }
            if let n = node["max_pages"], let v = int(n, 1...1_000_000) { pull.maxPages = v }
            for (key, keyPath) in [
                ("bearer_token_file", \HTTPPullSettings.bearerTokenFile), ("basic_auth_file", \.basicAuthFile),
                ("cacert", \.caFile), ("cert", \.certificateFile), ("key", \.keyFile),
            ] {
                guard let n = node[key], let file = attempt({ () throws(YAMLError) in try n.string() }) else { continue }
                pull[keyPath: keyPath] = path(file)
                if !FileManager.default.isReadableFile(atPath: path(file)) {
                    errors.append(n.error("config.file", "\(key): cannot read \(path(file))"))
                }
            }
            if let conflict = pull.conflict { errors.append(node.error("config.connector", conflict)) }
            if let n = node["max_bytes"], let textValue = attempt({ () throws(YAMLError) in try n.string() }) {
                if let limit = IngestCommand.byteCount(textValue), limit > 0 {
                    pull.maxBytes = limit
                } else {
                    errors.append(n.error("config.max_bytes", "expected a byte count such as 5000000 or 200M, found '\(textValue)'"))
                }
            }
            return .http(url: text, pull: pull)
        }
    }
}
