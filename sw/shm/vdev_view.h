// SPDX-License-Identifier: Apache-2.0
#pragma once
// Views of a `fw_rsc_vdev` entry and its `fw_rsc_vdev_vring` array in the live resource table.
// Every getter and setter is one HAL access of the field's own width, so the cache model sees the
// same loads and stores as the real code (Linux's plain `rsc->status = ...` byte store, the
// remote's byte poll of the status). The views hold no state besides the address: they never
// cache a value, and callers do their own cache maintenance around them.

#include <cstdint>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"

namespace sim::sw::shm {

/// One `fw_rsc_vdev_vring` (20 bytes) at `address`.
class VdevVringView {
public:
  VdevVringView(hal::Hal& hal, hal::Addr address) : hal_(&hal), address_(address) {}

  hal::Addr address() const { return address_; }

  std::uint32_t da() const { return hal_->read32(address_ + rsc::kVringDa); }
  std::uint32_t align() const { return hal_->read32(address_ + rsc::kVringAlign); }
  std::uint32_t num() const { return hal_->read32(address_ + rsc::kVringNum); }
  std::uint32_t notifyid() const { return hal_->read32(address_ + rsc::kVringNotifyId); }
  /// Linux's `pa`, OpenAMP's `reserved`.
  std::uint32_t pa() const { return hal_->read32(address_ + rsc::kVringReserved); }

  void set_da(std::uint32_t v) { hal_->write32(address_ + rsc::kVringDa, v); }
  void set_align(std::uint32_t v) { hal_->write32(address_ + rsc::kVringAlign, v); }
  void set_num(std::uint32_t v) { hal_->write32(address_ + rsc::kVringNum, v); }
  void set_notifyid(std::uint32_t v) { hal_->write32(address_ + rsc::kVringNotifyId, v); }
  void set_pa(std::uint32_t v) { hal_->write32(address_ + rsc::kVringReserved, v); }

private:
  hal::Hal* hal_;
  hal::Addr address_;
};

/// A `fw_rsc_vdev` entry whose type word is at `entry` (the table base plus its offset[]).
class VdevView {
public:
  VdevView(hal::Hal& hal, hal::Addr entry) : hal_(&hal), entry_(entry) {}

  hal::Addr address() const { return entry_; }
  /// Address of the field at `offset` (an rsc::kVdev* constant), for cache maintenance and polls.
  hal::Addr field(std::uint32_t offset) const { return entry_ + offset; }

  std::uint32_t type() const { return hal_->read32(entry_ + rsc::kEntryType); }
  std::uint32_t id() const { return hal_->read32(entry_ + rsc::kVdevId); }
  std::uint32_t notifyid() const { return hal_->read32(entry_ + rsc::kVdevNotifyId); }
  std::uint32_t dfeatures() const { return hal_->read32(entry_ + rsc::kVdevDfeatures); }
  std::uint32_t gfeatures() const { return hal_->read32(entry_ + rsc::kVdevGfeatures); }
  std::uint32_t config_len() const { return hal_->read32(entry_ + rsc::kVdevConfigLen); }
  std::uint8_t status() const { return hal_->read8(entry_ + rsc::kVdevStatus); }
  std::uint8_t num_of_vrings() const { return hal_->read8(entry_ + rsc::kVdevNumOfVrings); }
  /// reserved[i], i < 2.
  std::uint8_t reserved(unsigned i) const { return hal_->read8(entry_ + rsc::kVdevReserved + i); }

  void set_type(std::uint32_t v) { hal_->write32(entry_ + rsc::kEntryType, v); }
  void set_id(std::uint32_t v) { hal_->write32(entry_ + rsc::kVdevId, v); }
  void set_notifyid(std::uint32_t v) { hal_->write32(entry_ + rsc::kVdevNotifyId, v); }
  void set_dfeatures(std::uint32_t v) { hal_->write32(entry_ + rsc::kVdevDfeatures, v); }
  void set_gfeatures(std::uint32_t v) { hal_->write32(entry_ + rsc::kVdevGfeatures, v); }
  void set_config_len(std::uint32_t v) { hal_->write32(entry_ + rsc::kVdevConfigLen, v); }
  void set_status(std::uint8_t v) { hal_->write8(entry_ + rsc::kVdevStatus, v); }
  void set_num_of_vrings(std::uint8_t v) { hal_->write8(entry_ + rsc::kVdevNumOfVrings, v); }
  void set_reserved(unsigned i, std::uint8_t v) {
    hal_->write8(entry_ + rsc::kVdevReserved + i, v);
  }

  /// vring[i]; no bounds check against num_of_vrings (that would cost a read).
  VdevVringView vring(unsigned i) const {
    return VdevVringView(*hal_, entry_ + rsc::kVdevVrings + rsc::kVringSize * i);
  }
  /// Start of the config space behind `num_of_vrings` vring entries.
  hal::Addr config(unsigned num_of_vrings) const {
    return entry_ + rsc::kVdevVrings + rsc::kVringSize * num_of_vrings;
  }

private:
  hal::Hal* hal_;
  hal::Addr entry_;
};

} // namespace sim::sw::shm
