// SPDX-License-Identifier: Apache-2.0
#pragma once
// Names for shared-memory bytes, for the coherency sanitizer's reports: every field of the resource
// table, the vrings and the rpmsg buffers gets a symbol such as `rsc.vdev.status`,
// `vring1.avail.ring[3]`, `vring0.used.ring[2].id` or `buf[5].payload`. Pure: the generators take
// a base address and a layout, never the HAL, so the checker can name bytes without running any
// software. Padding (e.g. between used_event and the aligned used ring) has no symbol.

#include <cstdint>
#include <string>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"

namespace sim::sw::shm {

struct Symbol {
  hal::Addr addr = 0;
  std::uint64_t size = 0;
  std::string name;
};

/// Fields of the resource table whose bytes are `table`, placed at `base`. Walks offset[] and
/// names entries by type: `rsc.vdev`, `rsc.carveout`, `rsc.devmem`, `rsc.trace` (with `[k]`
/// when a type occurs more than once), unknown types as `rsc.entry[i]`. Bytes outside the table
/// are never named, so a malformed table yields fewer symbols rather than wrong ones.
std::vector<Symbol> resource_table_symbols(hal::Addr base, const std::vector<std::uint8_t>& table);
/// The same for Zephyr's table (with the RAM-console trace entry when num_entries is 2).
std::vector<Symbol> resource_table_symbols(hal::Addr base, const rsc::ZephyrTableLayout& layout);

/// Fields of one split vring named `name` (`vring0`) at `base`.
std::vector<Symbol> vring_symbols(const std::string& name, hal::Addr base,
                                  const VringLayout& layout);

/// `count` rpmsg buffers of `buf_size` bytes starting at `base`, numbered from `first_index`:
/// `buf[i].hdr.src|dst|reserved|len|flags` and `buf[i].payload`.
std::vector<Symbol> buffer_symbols(hal::Addr base, unsigned count,
                                   std::uint32_t buf_size = kRpmsgBufSize,
                                   unsigned first_index = 0);

/// A sorted, non-overlapping set of symbols with address lookup.
class SymbolMap {
public:
  SymbolMap() = default;
  /// Throws std::invalid_argument when two symbols overlap (a layout bug worth stopping for).
  explicit SymbolMap(std::vector<Symbol> symbols) { add(std::move(symbols)); }
  void add(std::vector<Symbol> symbols);

  /// The symbol containing `addr`, or nullptr.
  const Symbol* find(hal::Addr addr) const;
  /// `vring1.used.idx`, `buf[5].payload+12` inside a field, "" when no symbol covers `addr`.
  std::string lookup(hal::Addr addr) const;
  /// lookup() or, for unnamed bytes, the address in hex.
  std::string describe(hal::Addr addr) const;

  const std::vector<Symbol>& symbols() const { return symbols_; }

private:
  std::vector<Symbol> symbols_; ///< sorted by addr
};

} // namespace sim::sw::shm
