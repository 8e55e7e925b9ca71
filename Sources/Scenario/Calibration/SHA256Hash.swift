import Crypto

/// SHA-256 (FIPS 180-4), for content hashes that other tools can recompute.
///
/// Scenario and calibration hashes in run files and the catalog are SHA-256 so that anyone
/// can check them with `sha256sum` or Python's `hashlib` without TwinLab. The digest comes
/// from swift-crypto (BoringSSL on Linux, CryptoKit on Apple platforms), which run-file
/// output digests need anyway for hashing hundreds of megabytes.
public enum SHA256Hash {
    /// The digest of `text`'s UTF-8 bytes as 64 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        hex(Array(text.utf8))
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        digest(bytes).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }
}
