/// ISO 8601 dates and times as pages write them, normalised so that two captures of one
/// instant compare equal: `2024-03-05T12:00:00+02:00`, `2024-03-05T10:00:00.000Z` and
/// `2024-03-05 10:00Z` all become `2024-03-05T10:00:00Z`; a time without a zone keeps no zone;
/// a date alone stays a date.
public enum ISODate {
    /// The normalised form, or nil when the text is not an ISO 8601 date.
    public static func normalised(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0, 4), bytes.count >= 10, bytes[4] == 0x2D, let month = number(5, 2),
            bytes[7] == 0x2D, let day = number(8, 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        guard bytes.count > 10, bytes[10] == UInt8(ascii: "T") || bytes[10] == 0x20 else {
            return bytes.count == 10 ? format(year, month, day) : nil
        }
        guard let hour = number(11, 2), bytes.count > 13, bytes[13] == 0x3A, let minute = number(14, 2) else {
            return nil
        }
        var position = 16
        var second = 0
        if position < bytes.count, bytes[position] == 0x3A, let value = number(position + 1, 2) {
            second = value
            position += 3
        }
        if position < bytes.count, bytes[position] == 0x2E || bytes[position] == 0x2C {
            position += 1
            while position < bytes.count, bytes[position] >= 0x30 && bytes[position] <= 0x39 { position += 1 }
        }
        let time = (hour, minute, second)
        guard position < bytes.count else { return format(year, month, day) + "T" + clock(time) }
        var offsetMinutes = 0
        switch bytes[position] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            break
        case 0x2B, 0x2D:
            let sign = bytes[position] == 0x2D ? -1 : 1
            guard let hours = number(position + 1, 2) else { return nil }
            var minutes = 0
            if let value = number(position + 4, 2), bytes[position + 3] == 0x3A {
                minutes = value
            } else if let value = number(position + 3, 2) {
                minutes = value
            }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return nil
        }
        // To UTC: shift by the offset, carrying across days, months and years.
        var total = (hour * 60 + minute) - offsetMinutes
        var (y, m, d) = (year, month, day)
        while total < 0 {
            total += 1440
            d -= 1
            if d == 0 {
                m -= 1
                if m == 0 {
                    m = 12
                    y -= 1
                }
                d = daysIn(m, y)
            }
        }
        while total >= 1440 {
            total -= 1440
            d += 1
            if d > daysIn(m, y) {
                d = 1
                m += 1
                if m == 13 {
                    m = 1
                    y += 1
                }
            }
        }
        return format(y, m, d) + "T" + clock((total / 60, total % 60, second)) + "Z"
    }

    /// Seconds since 1970 (UTC) of an ISO 8601 date or time; a time without a zone is taken as UTC.
    public static func secondsSince1970(_ text: String) -> Double? {
        guard let value = normalised(text) else { return nil }
        let bytes = Array(value.utf8)
        func number(_ start: Int, _ length: Int) -> Int {
            bytes[start..<start + length].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let (year, month, day) = (number(0, 4), number(5, 2), number(8, 2))
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        var seconds = Double(days) * 86_400
        if bytes.count >= 19 {
            seconds += Double(number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2))
        }
        return seconds
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(two(month))-\(two(day))"
    }

    private static func clock(_ time: (Int, Int, Int)) -> String {
        "\(two(time.0)):\(two(time.1)):\(two(time.2))"
    }
}
