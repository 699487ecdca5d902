// SPDX-License-Identifier: Apache-2.0
#pragma once
// View of one split vring in shared memory (rpmsg-protocol.md §2): descriptor table, avail ring
// with used_event, used ring with avail_event, at the offsets of VringLayout. Every accessor is a
// single HAL access of the field's exact width (u64 desc.addr, u32 desc.len and used elements,
// u16 everything else), so the cache model sees the loads and stores the real drivers issue. Ring
// indices must already be reduced modulo num (the callers own the free-running counters); an
// index out of range is a software bug and panics the cluster.

#include <cstdint>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"

namespace sim::sw::shm {

struct VringDesc {
  std::uint64_t addr = 0;
  std::uint32_t len = 0;
  std::uint16_t flags = 0;
  std::uint16_t next = 0;
};

class VringView {
public:
  VringView(hal::Hal& hal, hal::Addr base, unsigned num, unsigned align)
      : hal_(&hal), base_(base), layout_{num, align} {}

  hal::Addr base() const { return base_; }
  unsigned num() const { return static_cast<unsigned>(layout_.num); }
  const VringLayout& layout() const { return layout_; }
  /// Absolute address of a layout offset, e.g. `at(layout().avail_idx())` for maintenance.
  hal::Addr at(std::uint64_t offset) const { return base_ + offset; }

  // --- descriptors (written by the driver, Linux) ---
  std::uint64_t desc_addr(unsigned i) const { return hal_->read64(desc(i) + kVringDescAddr); }
  std::uint32_t desc_len(unsigned i) const { return hal_->read32(desc(i) + kVringDescLen); }
  std::uint16_t desc_flags(unsigned i) const { return hal_->read16(desc(i) + kVringDescFlags); }
  std::uint16_t desc_next(unsigned i) const { return hal_->read16(desc(i) + kVringDescNext); }
  void set_desc_addr(unsigned i, std::uint64_t v) { hal_->write64(desc(i) + kVringDescAddr, v); }
  void set_desc_len(unsigned i, std::uint32_t v) { hal_->write32(desc(i) + kVringDescLen, v); }
  void set_desc_flags(unsigned i, std::uint16_t v) { hal_->write16(desc(i) + kVringDescFlags, v); }
  void set_desc_next(unsigned i, std::uint16_t v) { hal_->write16(desc(i) + kVringDescNext, v); }
  /// Four field accesses, in field order.
  VringDesc read_desc(unsigned i) const;
  void write_desc(unsigned i, const VringDesc& d);

  // --- avail ring (driver-written) ---
  std::uint16_t avail_flags() const { return hal_->read16(at(layout_.avail_flags())); }
  std::uint16_t avail_idx() const { return hal_->read16(at(layout_.avail_idx())); }
  std::uint16_t avail_ring(unsigned i) const { return hal_->read16(avail_slot(i)); }
  std::uint16_t used_event() const { return hal_->read16(at(layout_.used_event())); }
  void set_avail_flags(std::uint16_t v) { hal_->write16(at(layout_.avail_flags()), v); }
  void set_avail_idx(std::uint16_t v) { hal_->write16(at(layout_.avail_idx()), v); }
  void set_avail_ring(unsigned i, std::uint16_t v) { hal_->write16(avail_slot(i), v); }
  void set_used_event(std::uint16_t v) { hal_->write16(at(layout_.used_event()), v); }

  // --- used ring (device-written) ---
  std::uint16_t used_flags() const { return hal_->read16(at(layout_.used_flags())); }
  std::uint16_t used_idx() const { return hal_->read16(at(layout_.used_idx())); }
  std::uint32_t used_ring_id(unsigned i) const { return hal_->read32(used_slot(i)); }
  std::uint32_t used_ring_len(unsigned i) const { return hal_->read32(used_slot(i) + 4); }
  std::uint16_t avail_event() const { return hal_->read16(at(layout_.avail_event())); }
  void set_used_flags(std::uint16_t v) { hal_->write16(at(layout_.used_flags()), v); }
  void set_used_idx(std::uint16_t v) { hal_->write16(at(layout_.used_idx()), v); }
  void set_used_ring_id(unsigned i, std::uint32_t v) { hal_->write32(used_slot(i), v); }
  void set_used_ring_len(unsigned i, std::uint32_t v) { hal_->write32(used_slot(i) + 4, v); }
  void set_avail_event(std::uint16_t v) { hal_->write16(at(layout_.avail_event()), v); }

private:
  void check(unsigned i, const char* what) const;
  hal::Addr desc(unsigned i) const {
    check(i, "desc");
    return at(layout_.desc(i));
  }
  hal::Addr avail_slot(unsigned i) const {
    check(i, "avail.ring");
    return at(layout_.avail_ring(i));
  }
  hal::Addr used_slot(unsigned i) const {
    check(i, "used.ring");
    return at(layout_.used_ring_id(i));
  }

  hal::Hal* hal_;
  hal::Addr base_;
  VringLayout layout_;
};

} // namespace sim::sw::shm
