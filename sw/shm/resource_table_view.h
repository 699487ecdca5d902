// SPDX-License-Identifier: Apache-2.0
#pragma once
// View of the live resource table in shared memory (struct resource_table, rpmsg-protocol.md §1):
// header fields, the offset[] array and typed access to entries. Each accessor is one HAL access of
// the field's width; nothing is cached or validated here (validate_resource_table checks a copy of
// the bytes first, as Linux does before it trusts the table).

#include <cstdint>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"
#include "sw/shm/vdev_view.h"

namespace sim::sw::shm {

class ResourceTableView {
public:
  ResourceTableView(hal::Hal& hal, hal::Addr base) : hal_(&hal), base_(base) {}

  hal::Addr base() const { return base_; }

  std::uint32_t ver() const { return hal_->read32(base_ + rsc::kHdrVer); }
  std::uint32_t num() const { return hal_->read32(base_ + rsc::kHdrNum); }
  /// reserved[i], i < 2.
  std::uint32_t reserved(unsigned i) const {
    return hal_->read32(base_ + rsc::kHdrReserved + 4 * i);
  }
  /// offset[i]: byte offset from the table base to entry i's type word.
  std::uint32_t entry_offset(unsigned i) const {
    return hal_->read32(base_ + rsc::kHdrOffsets + 4 * i);
  }
  /// Type word of entry i (two reads: the offset, then the type).
  std::uint32_t entry_type(unsigned i) const {
    return hal_->read32(base_ + entry_offset(i) + rsc::kEntryType);
  }

  void set_ver(std::uint32_t v) { hal_->write32(base_ + rsc::kHdrVer, v); }
  void set_num(std::uint32_t v) { hal_->write32(base_ + rsc::kHdrNum, v); }
  void set_reserved(unsigned i, std::uint32_t v) {
    hal_->write32(base_ + rsc::kHdrReserved + 4 * i, v);
  }
  void set_entry_offset(unsigned i, std::uint32_t v) {
    hal_->write32(base_ + rsc::kHdrOffsets + 4 * i, v);
  }

  /// The vdev entry whose type word is `entry_offset` bytes from the table base.
  VdevView vdev(std::uint32_t entry_offset) const { return VdevView(*hal_, base_ + entry_offset); }

private:
  hal::Hal* hal_;
  hal::Addr base_;
};

} // namespace sim::sw::shm
