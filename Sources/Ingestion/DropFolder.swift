import Foundation

/// A folder other systems drop export files into. Each round lists the files whose names match the glob, in
/// sorted (deterministic) order, and sorts them by what their checkpoints say:
///
/// - a file modified less than `settleSeconds` ago, or whose size or modification time changes while it is being
///   checksummed, is **still being written** and waits for a later round (writers should still prefer writing
///   under a hidden name such as `.export.csv.part` and renaming: hidden names never match);
/// - a file whose path, size and SHA-256 equal its checkpoint was already processed (or rejected) and is skipped;
/// - everything else is ready: new, or changed since it was last seen.
///
/// Only regular files directly inside the folder are considered; `processed/` and `failed/` are never scanned.
public struct DropFolder: Sendable {
    /// Sub-folder for applied files (with `--move-processed`).
    public static let processedFolder = "processed"
    /// Sub-folder for rejected files, each with a `NAME.reason.txt` beside it.
    public static let failedFolder = "failed"

    /// The folder, as an absolute path.
    public let directory: String
    public let glob: GlobPattern
    /// A file modified less than this many seconds ago is not picked up yet.
    public let settleSeconds: Double

    /// Fails when `directory` is not an existing folder.
    public init(directory: String, glob: GlobPattern, settleSeconds: Double = 5) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DropFolderError(path: directory, message: "is not a folder")
        }
        self.directory = URL(fileURLWithPath: directory).standardizedFileURL.path
        self.glob = glob
        self.settleSeconds = max(0, settleSeconds)
    }

    /// The checkpoint key of a file: its absolute path.
    public func checkpointKey(name: String) -> String { "file:\(directory)/\(name)" }

    /// Lists, fingerprints and classifies the matching files against their checkpoints.
    public func scan(checkpoints: some Checkpoints, now: Date = Date()) throws -> DropScan {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter(glob.matches).sorted()
        } catch {
            throw DropFolderError(path: directory, message: "cannot be listed: \(error.localizedDescription)")
        }
        var scan = DropScan()
        for name in names {
            let path = "\(directory)/\(name)"
            guard let before = FileStatus(path: path) else {
                scan.notReady.append(SkippedDropFile(name: name, path: path, reason: "vanished while listing"))
                continue
            }
            guard before.isRegularFile else {
                scan.ignored.append(SkippedDropFile(name: name, path: path, reason: "not a regular file"))
                continue
            }
            let age = now.timeIntervalSince(before.modified)
            if age < settleSeconds {
                let ago = String(format: "%.1f", max(0, age))
                scan.notReady.append(SkippedDropFile(
                    name: name, path: path,
                    reason: "modified \(ago) s ago; waiting \(formatSeconds(settleSeconds)) s for the writer to finish"))
                continue
            }
            let fingerprint: FileFingerprint
            do {
                fingerprint = try FileFingerprint.compute(path: path)
            } catch {
                scan.unreadable.append(SkippedDropFile(name: name, path: path, reason: "cannot be read: \(error.localizedDescription)"))
                continue
            }
            guard let after = FileStatus(path: path), after.size == before.size, after.modified == before.modified,
                after.size == fingerprint.size
            else {
                scan.notReady.append(SkippedDropFile(name: name, path: path, reason: "changed while being read; still being written"))
                continue
            }
            let file = DropFile(name: name, path: path, fingerprint: fingerprint, checkpointKey: checkpointKey(name: name))
            let stored = try checkpoints.value(forKey: file.checkpointKey).flatMap(FileCheckpoint.init(parsing:))
            switch stored {
            case let stored? where stored.fingerprint == fingerprint && stored.state == .processed:
                scan.alreadyProcessed.append(file)
            case let stored? where stored.fingerprint == fingerprint && stored.state == .rejected:
                scan.previouslyRejected.append(file)
            default:
                scan.ready.append(file)
            }
        }
        return scan
    }

    /// Moves an applied file to `processed/` and returns its new path (a name already there gets `-2`, `-3` …).
    @discardableResult
    public func moveToProcessed(_ file: DropFile) throws -> String {
        try move(file, to: Self.processedFolder)
    }

    /// Moves a rejected file to `failed/` with `NAME.reason.txt` beside it; returns the new path.
    @discardableResult
    public func moveToFailed(_ file: DropFile, reason: String) throws -> String {
        let destination = try move(file, to: Self.failedFolder)
        let reasonPath = destination + ".reason.txt"
        do {
            try Data((reason + "\n").utf8).write(to: URL(fileURLWithPath: reasonPath))
        } catch {
            throw DropFolderError(path: reasonPath, message: "cannot be written: \(error.localizedDescription)")
        }
        return destination
    }

    private func move(_ file: DropFile, to folder: String) throws -> String {
        let target = "\(directory)/\(folder)"
        do {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            let destination = Self.unusedPath(in: target, name: file.name)
            try FileManager.default.moveItem(atPath: file.path, toPath: destination)
            return destination
        } catch {
            throw DropFolderError(path: file.path, message: "cannot be moved to \(folder)/: \(error.localizedDescription)")
        }
    }

    /// `DIR/name`, or `DIR/stem-2.ext`, `DIR/stem-3.ext` … when taken.
    static func unusedPath(in directory: String, name: String) -> String {
        let candidate = "\(directory)/\(name)"
        if !FileManager.default.fileExists(atPath: candidate) && !FileManager.default.fileExists(atPath: candidate + ".reason.txt") {
            return candidate
        }
        let ext = (name as NSString).pathExtension
        let stem = ext.isEmpty ? name : String(name.dropLast(ext.count + 1))
        var number = 2
        while true {
            let path = "\(directory)/\(stem)-\(number)" + (ext.isEmpty ? "" : ".\(ext)")
            if !FileManager.default.fileExists(atPath: path) { return path }
            number += 1
        }
    }

    private func formatSeconds(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}

/// One file of a drop folder with the fingerprint it had when scanned.
public struct DropFile: Hashable, Sendable {
    public var name: String
    public var path: String
    public var fingerprint: FileFingerprint
    public var checkpointKey: String

    /// The checkpoint recording this file as processed or rejected (commit `.processed` with the file's data).
    public func checkpoint(_ state: FileCheckpoint.State) -> CheckpointUpdate {
        CheckpointUpdate(key: checkpointKey, value: FileCheckpoint(state: state, fingerprint: fingerprint).value)
    }
}

/// A matching file left alone this round, and why.
public struct SkippedDropFile: Hashable, Sendable {
    public var name: String
    public var path: String
    public var reason: String
}

/// The outcome of scanning a drop folder; every matching name is in exactly one list, each in sorted order.
public struct DropScan: Sendable {
    /// New or changed files to process, in name order.
    public var ready: [DropFile] = []
    /// Same path, size and checksum as a processed checkpoint.
    public var alreadyProcessed: [DropFile] = []
    /// Same path, size and checksum as a rejected checkpoint: not retried until the content changes.
    public var previouslyRejected: [DropFile] = []
    /// Still being written (or gone while listing): looked at again next round.
    public var notReady: [SkippedDropFile] = []
    /// Cannot be read (permissions, I/O errors): an operator has to act; looked at again next round.
    public var unreadable: [SkippedDropFile] = []
    /// Matching names that are not regular files (folders, symbolic links, devices).
    public var ignored: [SkippedDropFile] = []
}

/// A drop folder that cannot be used, or a file in it that cannot be moved.
public struct DropFolderError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path) \(message)" }
}

/// `lstat` of a path: type, size and modification time (symbolic links are not followed).
struct FileStatus {
    var isRegularFile: Bool
    var size: Int64
    var modified: Date

    init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let type = attributes[.type] as? FileAttributeType,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        isRegularFile = type == .typeRegular
        size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        self.modified = modified
    }
}
