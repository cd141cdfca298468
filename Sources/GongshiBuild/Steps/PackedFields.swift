import Foundation
import GongshiCore

/// A notice's decoded front matter kept in the compact form the build cache stores it in (`details-<n>.bin`), from where
/// the pages read it back (see `DetailParts`). Decoded values hold every text in its own allocation (about 4 KB a
/// notice); packed they take about a third of that, which is what keeps 100,000 notices in bounded memory.
struct PackedFields: Sendable {
    let data: Data

    init(_ fields: NoticeFields) {
        data = DetailCodec.encode(fields)
    }
}
