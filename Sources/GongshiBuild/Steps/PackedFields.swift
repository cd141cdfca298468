import Foundation
import GongshiCore

/// A notice's decoded front matter kept as the JSON the build cache stores it in (`details-<n>.bin`), unpacked
/// when the checks or a page want it. Decoded values hold every text in its own allocation (about 4 KB a notice);
/// packed they take about a third of that, which is what keeps 100,000 notices in bounded memory through a build.
struct PackedFields: Sendable {
    let json: Data

    init(_ fields: NoticeFields) {
        json = (try? JSONEncoder().encode(fields)) ?? Data()
    }

    /// The fields again; nil only if they could not be packed, which encoding a decoded value never fails to do.
    func unpacked() -> NoticeFields? {
        try? JSONDecoder().decode(NoticeFields.self, from: json)
    }
}
