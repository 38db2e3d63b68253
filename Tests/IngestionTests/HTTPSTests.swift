import Foundation
import Ingestion
import Testing

/// A throwaway PKI made with the `openssl` command-line tool in a temporary directory: a CA, a server certificate
/// for 127.0.0.1 (subjectAltName IP:127.0.0.1) and a client certificate it issued, plus a self-signed client
/// certificate it did not issue. EC P-256 keys, valid for two days.
struct TestTLSFiles {
    let directory: TemporaryDirectory
    var caCertificate: String { "\(directory.path)/ca.pem" }
    var serverCertificate: String { "\(directory.path)/server.pem" }
    var serverKey: String { "\(directory.path)/server.key" }
    var clientCertificate: String { "\(directory.path)/client.pem" }
    var clientKey: String { "\(directory.path)/client.key" }
    var strangerCertificate: String { "\(directory.path)/stranger.pem" }
    var strangerKey: String { "\(directory.path)/stranger.key" }

    /// The `openssl` executable on PATH, if any.
    static let openssl: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/openssl" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let config = """
        [req]
        distinguished_name = dn
        prompt = no
        [dn]
        CN = unused
        [ca_ext]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [server_ext]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = serverAuth
        subjectAltName = IP:127.0.0.1
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [client_ext]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature
        extendedKeyUsage = clientAuth
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid

        """

    init() throws {
        guard let openssl = Self.openssl else { throw TestError("the openssl command-line tool is not on PATH") }
        directory = try TemporaryDirectory()
        do {
            try directory.write("openssl.cnf", Self.config)
            let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-config", "openssl.cnf"]
            func run(_ arguments: [String]) throws { try Self.run(openssl, arguments, in: directory.path) }
            try run(["req", "-x509"] + key + [
                "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=LienThong Test CA", "-extensions", "ca_ext",
            ])
            for (name, serial, extensions) in [("server", "2", "server_ext"), ("client", "3", "client_ext")] {
                try run(["req", "-new"] + key + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=lienthong-test-\(name)"])
                try run([
                    "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial, "-days", "2",
                    "-out", "\(name).pem", "-extfile", "openssl.cnf", "-extensions", extensions,
                ])
            }
            try run(["req", "-x509"] + key + [
                "-keyout", "stranger.key", "-out", "stranger.pem", "-days", "2", "-subj", "/CN=lienthong-test-stranger",
                "-extensions", "client_ext",
            ])
        } catch {
            directory.remove()
            throw error
        }
    }

    func remove() { directory.remove() }

    private static func run(_ executable: String, _ arguments: [String], in directory: String) throws {
        let process = Process()
        let errors = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestError("openssl \(arguments.joined(separator: " ")) failed (\(process.terminationStatus)): \(text)")
        }
    }
}

/// Real HTTPS over 127.0.0.1: libcurl against Fixtures/test_http_server.py wrapped in Python's ssl module, with
/// certificates made by `openssl` for the test.
@Suite(.enabled(if: TestTLSFiles.openssl != nil, "skipped: the openssl command-line tool is not installed"))
struct HTTPSTests {
    func fetcher(
        caCertificateFile: String? = nil, clientCertificateFile: String? = nil, clientKeyFile: String? = nil
    ) -> HTTPFetcher {
        HTTPFetcher(options: HTTPFetchOptions(
            connectTimeout: 5, timeout: 10, retry: RetryPolicy(retries: 0, baseDelay: 0.01, maxDelay: 0.05),
            caCertificateFile: caCertificateFile, clientCertificateFile: clientCertificateFile, clientKeyFile: clientKeyFile))
    }

    /// Runs `body` with fresh certificates, an HTTPS server (`--client-ca` when `mutual`) and a directory, removing
    /// all of them even when it throws.
    func withTLSServer(mutual: Bool = false, _ body: (TestHTTPServer, TestTLSFiles, TemporaryDirectory) throws -> Void) throws {
        let tls = try TestTLSFiles()
        defer { tls.remove() }
        let server = try TestHTTPServer(
            arguments: ["--tls", tls.serverCertificate, tls.serverKey] + (mutual ? ["--client-ca", tls.caCertificate] : []))
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try body(server, tls, directory)
    }

    @Test func trustsTheServerThroughTheGivenCAFile() throws {
        try withTLSServer { server, tls, directory in
            let url = server.url("/export.csv")
            #expect(url.hasPrefix("https://127.0.0.1:"))
            let outcome = try fetcher(caCertificateFile: tls.caCertificate).fetch(url, to: "\(directory.path)/body")
            guard case .downloaded(let download) = outcome else { throw TestError("expected a download, got \(outcome)") }
            #expect(download.status == 200)
            #expect(download.etag == "\"v1\"")
            #expect(try directory.read("body") == HTTPFetcherTests.csv)
        }
    }

    @Test func refusesAServerItCannotVerify() throws {
        try withTLSServer { server, tls, directory in
            // No CA file: the system's authorities do not know our throwaway CA.
            let url = server.url("/export.csv")
            let error = failure { try fetcher().fetch(url, to: "\(directory.path)/body") }
            guard case .transport(let code, let message)? = error?.reason else {
                throw TestError("expected a TLS transport error, got \(String(describing: error))")
            }
            #expect(code == 60, "CURLE_PEER_FAILED_VERIFICATION")
            #expect(message.hasPrefix("SSL certificate problem:"), "\(message)")
            #expect(error?.description.hasPrefix("GET \(url): SSL certificate problem:") == true)
            #expect(error?.description.hasSuffix("(curl error 60)") == true)
            #expect(error?.attempts == 1, "a certificate failure is not retried")
            #expect(!directory.exists("body"))

            // The wrong CA is no better: a self-signed certificate that did not issue the server's.
            let wrongCA = failure { try fetcher(caCertificateFile: tls.strangerCertificate).fetch(url, to: "\(directory.path)/body") }
            guard case .transport(60, _)? = wrongCA?.reason else {
                throw TestError("expected curl error 60 with the wrong CA, got \(String(describing: wrongCA))")
            }
        }
    }

    @Test func presentsTheClientCertificateWhenTheServerRequiresOne() throws {
        try withTLSServer(mutual: true) { server, tls, directory in
            let url = server.url("/export.csv")
            let outcome = try fetcher(
                caCertificateFile: tls.caCertificate, clientCertificateFile: tls.clientCertificate, clientKeyFile: tls.clientKey
            ).fetch(url, to: "\(directory.path)/body")
            guard case .downloaded(let download) = outcome else { throw TestError("expected a download, got \(outcome)") }
            #expect(download.status == 200)
            #expect(try directory.read("body") == HTTPFetcherTests.csv)

            // Without a client certificate the server aborts the handshake with a TLS alert.
            let anonymous = failure { try fetcher(caCertificateFile: tls.caCertificate).fetch(url, to: "\(directory.path)/body2") }
            guard case .transport(let code, let message)? = anonymous?.reason else {
                throw TestError("expected a TLS transport error without a client certificate, got \(String(describing: anonymous))")
            }
            // TLS 1.3: the alert arrives when reading the response (56); TLS 1.2: during the handshake (35).
            #expect([35, 56].contains(code), "\(message)")
            #expect(message.contains("alert certificate required") || message.contains("alert handshake failure"), "\(message)")
            #expect(!directory.exists("body2"))

            // A client certificate the server's CA did not issue is refused too.
            let stranger = failure {
                try fetcher(
                    caCertificateFile: tls.caCertificate, clientCertificateFile: tls.strangerCertificate, clientKeyFile: tls.strangerKey
                ).fetch(url, to: "\(directory.path)/body3")
            }
            guard case .transport(let strangerCode, let strangerMessage)? = stranger?.reason else {
                throw TestError("expected a TLS transport error with an unknown client certificate, got \(String(describing: stranger))")
            }
            #expect([35, 56].contains(strangerCode), "\(strangerMessage)")
            #expect(strangerMessage.contains("alert"), "\(strangerMessage)")
            #expect(!directory.exists("body3"))
        }
    }
}
