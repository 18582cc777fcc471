#if os(Linux)
    import Glibc
#endif

/// What a host name or address literal points at, for refusing link-local destinations
/// (169.254.0.0/16 and fe80::/10, where cloud metadata services answer) before fetching.
public enum NetworkAddress {
    /// Whether `host` is, or resolves to, a link-local address. Address literals are read the way
    /// the C library reads them (so `2852039166` and `0xA9FEA9FE` are 169.254.169.254); a name is
    /// resolved and counts when any of its addresses is link-local; a name that does not resolve
    /// is not (the fetch then fails on its own).
    public static func isLinkLocal(_ host: String) -> Bool {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if let zone = name.firstIndex(of: "%") { name = String(name[..<zone]) }
        var v4 = in_addr()
        if inet_aton(name, &v4) != 0 { return isLinkLocal(ipv4: UInt32(bigEndian: v4.s_addr)) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, name, &v6) == 1 { return isLinkLocal(ipv6: v6) }
        return resolved(name).contains { $0 }
    }

    /// 169.254.0.0/16.
    static func isLinkLocal(ipv4 address: UInt32) -> Bool {
        address >> 16 == 0xA9FE
    }

    /// fe80::/10, and IPv4-mapped link-local addresses (`::ffff:169.254.169.254`).
    static func isLinkLocal(ipv6 address: in6_addr) -> Bool {
        let bytes = withUnsafeBytes(of: address) { Array($0) }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return true }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
        return mapped && bytes[12] == 169 && bytes[13] == 254
    }

    /// For each address `name` resolves to, whether it is link-local.
    private static func resolved(_ name: String) -> [Bool] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }
        var answers: [Bool] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let address = current.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                        answers.append(isLinkLocal(ipv4: UInt32(bigEndian: $0.pointee.sin_addr.s_addr)))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                        answers.append(isLinkLocal(ipv6: $0.pointee.sin6_addr))
                    }
                default: break
                }
            }
            entry = current.pointee.ai_next
        }
        return answers
    }
}
