// SPDX-License-Identifier: Apache-2.0
#pragma once
// What the coherency sanitizer reports (DESIGN §5): the four kinds of violation, one finding with
// both sides of the conflict, and the counters. Pure C++.

#include <array>
#include <cstdint>
#include <string>

namespace sim::models::coherency {

enum class Kind {
  kStaleRead,       ///< a cached copy older than DRAM was read: missing invalidate
  kUnpublishedRead, ///< read while the peer, having signalled, still held the newer data dirty
  kLostUpdate,      ///< a write-back put old bytes over newer DRAM data
  kDiscardedWrite,  ///< an invalidate dropped own dirty bytes that were later read back
};
inline constexpr std::array<Kind, 4> kKinds = {Kind::kStaleRead, Kind::kUnpublishedRead,
                                               Kind::kLostUpdate, Kind::kDiscardedWrite};
/// `stale_read`, `unpublished_read`, `lost_update`, `discarded_write` (report.json names).
const char* kind_name(Kind kind);

/// One side of a conflict: who, when, and the value of the finding's bytes on that side
/// (little-endian hex for up to 8 bytes, else the first bytes in address order).
struct Party {
  std::string cluster;
  std::string thread;
  std::uint64_t time_ps = 0;
  std::string value;
};

struct Finding {
  Kind kind = Kind::kStaleRead;
  std::uint64_t address = 0; ///< first byte of the finding
  unsigned size = 0;         ///< bytes of one field the access touched with this violation
  std::string symbol;        ///< `vring1.avail.idx`, `buf[3].payload+16`, or the hex address
  /// Folding key beside kind and field: for reads the reading thread (`remote/rpmsg_rx`); for a
  /// lost update the write-back's cause (a maintenance site or `eviction`); for a discarded write
  /// the invalidating site.
  std::string site;
  /// Who got the old value; for a lost update, the cache whose write-back put old bytes back.
  Party reader;
  /// Whose newer write was missed, lost or discarded.
  Party writer;
  std::string line_state; ///< the reader's cache line (or DRAM) at the time
  std::string hint;       ///< the missing operation, in words
  std::uint64_t count = 1;
  std::uint64_t last_time_ps = 0;
};

struct SanitizerStats {
  std::uint64_t reads_checked = 0;
  std::uint64_t writes = 0;
  std::uint64_t fills = 0;
  std::uint64_t writebacks = 0;
  std::uint64_t invalidations = 0;
  /// Lines whose dirty bytes an invalidate dropped, and of those the ones nobody read back
  /// (OpenAMP's deliberate invalidate of the `reserved` field is such a discard).
  std::uint64_t discarded_lines = 0;
  std::uint64_t unobserved_discards = 0;
  /// Violations before folding (the sum of the findings' counts).
  std::uint64_t violations = 0;
  /// Conflicts by the rules above whose bytes held the same value on both sides: no software can
  /// observe them, so they are counted here and not reported.
  std::uint64_t unchanged_value = 0;
};

} // namespace sim::models::coherency
