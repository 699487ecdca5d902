// SPDX-License-Identifier: Apache-2.0
#include "sim/run/firmware_wire.h"

#include <algorithm>

namespace sim::app {
namespace {

namespace rsc = sw::shm::rsc;
// struct fw_rsc_vdev: 28 bytes, then num_of_vrings struct fw_rsc_vdev_vring of 20 (da, align,
// num, notifyid, reserved); num_of_vrings is the byte at +25 (rpmsg-protocol.md).
constexpr std::uint64_t kVdevStatus = 24, kVdevVrings = 28, kVringEntry = 20;

} // namespace

FirmwareWire::FirmwareWire(std::uint64_t table, Peek peek, Report report)
    : table_(table), peek_(std::move(peek)), report_(std::move(report)) {}

bool FirmwareWire::learn_layout() {
  if (rx_) return true;
  const auto num = peek<std::uint32_t>(table_ + rsc::kHdrNum);
  if (!num || *num == 0 || *num > 64) return false;
  for (std::uint32_t i = 0; i < *num; ++i) {
    const auto offset = peek<std::uint32_t>(table_ + rsc::kHdrOffsets + 4 * i);
    if (!offset) return false;
    const std::uint64_t vdev = table_ + *offset;
    const auto type = peek<std::uint32_t>(vdev);
    const auto status = peek<std::uint8_t>(vdev + kVdevStatus);
    if (!type || *type != rsc::kVdev || !status) continue;
    if ((*status & rsc::kStatusDriverOk) == 0) return false; // vrings not final yet
    Ring rings[2];
    for (unsigned v = 0; v < 2; ++v) {
      const std::uint64_t entry = vdev + kVdevVrings + kVringEntry * v;
      const auto da = peek<std::uint32_t>(entry), align = peek<std::uint32_t>(entry + 4),
                 n = peek<std::uint32_t>(entry + 8);
      if (!da || !align || !n || *da == rsc::kAddrAny || *n == 0 || *align == 0) return false;
      rings[v] = {*da, sw::shm::VringLayout{*n, *align}};
    }
    tx_ = rings[0];
    rx_ = rings[1];
    return true;
  }
  return false;
}

std::optional<std::uint64_t> FirmwareWire::buffer_of(const Ring& ring, std::uint16_t desc) {
  if (desc >= ring.layout.num) return std::nullopt;
  const auto addr =
      peek<std::uint64_t>(ring.base + ring.layout.desc(desc) + sw::shm::kVringDescAddr);
  return addr;
}

void FirmwareWire::on_access(bool write, std::uint64_t addr, unsigned size, std::uint32_t value) {
  if (!learn_layout()) return;
  // Compilers access packed fields byte by byte (OpenAMP's structures are METAL_PACKED): every
  // field is assembled from the bytes the core read or wrote, whatever the pieces.
  for (unsigned i = 0; i < size && i < 4; ++i)
    on_byte(write, addr + i, static_cast<std::uint8_t>(value >> (8 * i)));
}

std::optional<std::uint16_t> FirmwareWire::assemble(std::uint64_t field, std::uint64_t addr,
                                                    std::uint8_t byte) {
  Partial& p = partial_[field];
  p.bytes[addr - field] = byte;
  p.mask |= static_cast<std::uint8_t>(1u << (addr - field));
  if (p.mask != 0x3) return std::nullopt;
  const auto value = static_cast<std::uint16_t>(p.bytes[0] | (p.bytes[1] << 8));
  partial_.erase(field);
  return value;
}

void FirmwareWire::on_byte(bool write, std::uint64_t addr, std::uint8_t byte) {
  if (!write && !descriptor_.empty()) {
    auto d = descriptor_.upper_bound(addr);
    if (d != descriptor_.begin()) {
      --d;
      const std::uint64_t offset = addr - d->first;
      if (offset < 8) {
        d->second.bytes[offset] = byte;
        d->second.mask |= static_cast<std::uint8_t>(1u << offset);
        if (d->second.mask != 0xff) return;
        std::uint64_t buffer = 0;
        for (unsigned i = 0; i < 8; ++i) buffer |= std::uint64_t{d->second.bytes[i]} << (8 * i);
        descriptor_.erase(d);
        reading_[buffer] = {};
        ++taken_;
        report_(hal::buffer_event(hal::ProbeKind::kRxTaken, buffer));
        return;
      }
    }
  }
  if (!write && rx_->contains(addr)) {
    // avail.ring[i] read: the stack takes that descriptor's buffer.
    const std::uint64_t ring = rx_->base + rx_->layout.avail_ring(0);
    const std::uint64_t end = rx_->base + rx_->layout.avail_ring(rx_->layout.num);
    if (addr < ring || addr >= end) return;
    const std::optional<std::uint16_t> desc = assemble(addr & ~std::uint64_t{1}, addr, byte);
    if (!desc) return;
    // The buffer is what the core reads from desc[head].addr next (after any invalidate of
    // the descriptor: a look now could see the line it is about to drop).
    if (*desc < rx_->layout.num)
      descriptor_[rx_->base + rx_->layout.desc(*desc) + sw::shm::kVringDescAddr] = {};
    return;
  }
  if (write && tx_->contains(addr)) {
    const std::uint64_t used_idx = tx_->base + tx_->layout.used_idx();
    if (addr != used_idx && addr != used_idx + 1) return;
    if (const std::optional<std::uint16_t> idx = assemble(used_idx, addr, byte))
      publish_up_to(*idx);
    return;
  }
  if (write || reading_.empty()) return;
  // A read inside a taken buffer's header.
  auto it = reading_.upper_bound(addr);
  if (it == reading_.begin()) return;
  --it;
  const std::uint64_t offset = addr - it->first;
  if (offset >= sw::shm::kRpmsgHdrSize) return;
  Reading& r = it->second;
  r.header[offset] = byte;
  r.mask |= static_cast<std::uint16_t>(1u << offset);
  // src (0..3), dst (4..7) and len (12..13) read: the stack calls the endpoint now.
  constexpr std::uint16_t kNeeded = 0x000f | 0x00f0 | 0x3000;
  if ((r.mask & kNeeded) != kNeeded) return;
  const auto u32 = [&r](unsigned at) {
    return static_cast<std::uint32_t>(r.header[at] | (r.header[at + 1] << 8) |
                                      (r.header[at + 2] << 16) |
                                      (static_cast<std::uint32_t>(r.header[at + 3]) << 24));
  };
  const std::uint32_t src = u32(sw::shm::kRpmsgHdrSrc), dst = u32(sw::shm::kRpmsgHdrDst);
  const std::uint32_t len =
      r.header[sw::shm::kRpmsgHdrLen] | (r.header[sw::shm::kRpmsgHdrLen + 1] << 8);
  const std::uint64_t buffer = it->first;
  reading_.erase(it);
  const std::uint32_t n = std::min<std::uint32_t>(len, sw::shm::kRpmsgMaxPayload);
  std::vector<std::uint8_t> payload(n);
  const bool have = n == 0 || peek_(buffer + sw::shm::kRpmsgPayload, payload.data(), n);
  ++handed_;
  report_(hal::message_event(hal::ProbeKind::kRxHanded, buffer, src, dst,
                             have ? payload.data() : nullptr, len));
}

void FirmwareWire::publish_up_to(std::uint16_t idx) {
  for (; tx_used_ != idx; ++tx_used_) {
    const std::uint16_t slot = static_cast<std::uint16_t>(tx_used_ % tx_->layout.num);
    const auto desc = peek<std::uint32_t>(tx_->base + tx_->layout.used_ring_id(slot));
    if (!desc) continue;
    const auto buffer = buffer_of(*tx_, static_cast<std::uint16_t>(*desc));
    if (!buffer) continue;
    const auto src = peek<std::uint32_t>(*buffer + sw::shm::kRpmsgHdrSrc);
    const auto dst = peek<std::uint32_t>(*buffer + sw::shm::kRpmsgHdrDst);
    const auto len = peek<std::uint16_t>(*buffer + sw::shm::kRpmsgHdrLen);
    if (!src || !dst || !len) continue;
    const std::uint32_t n = std::min<std::uint32_t>(*len, sw::shm::kRpmsgMaxPayload);
    std::vector<std::uint8_t> payload(n);
    const bool have = n == 0 || peek_(*buffer + sw::shm::kRpmsgPayload, payload.data(), n);
    hal::ProbeEvent e = hal::message_event(hal::ProbeKind::kTxPublished, *buffer, *src, *dst,
                                           have ? payload.data() : nullptr, *len);
    e.name = "vring0";
    ++published_;
    report_(e);
  }
}

} // namespace sim::app
