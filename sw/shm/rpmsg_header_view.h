// SPDX-License-Identifier: Apache-2.0
#pragma once
// The 16-byte rpmsg header at the start of every 512-byte buffer (rpmsg-protocol.md §3.1) and the
// payload behind it. Two access styles, because the stacks differ: Linux fills the header field by
// field (one HAL access per field, of its width), OpenAMP builds it on the stack and block-copies
// it (one 16-byte HAL transfer). The view does not check lengths against the buffer size; the
// stacks own that check (Linux's "inbound msg too big" path needs to see bad lengths).

#include <cstddef>
#include <cstdint>

#include "sw/hal/hal.h"
#include "sw/shm/layout.h"

namespace sim::sw::shm {

struct RpmsgHeader {
  std::uint32_t src = 0;
  std::uint32_t dst = 0;
  std::uint32_t reserved = 0;
  std::uint16_t len = 0;
  std::uint16_t flags = 0;
};

/// Writes the 16 little-endian header bytes to `out`.
void encode_rpmsg_header(const RpmsgHeader& header, std::uint8_t* out);
/// Parses 16 header bytes.
RpmsgHeader decode_rpmsg_header(const std::uint8_t* in);

class RpmsgHeaderView {
public:
  RpmsgHeaderView(hal::Hal& hal, hal::Addr buffer) : hal_(&hal), buffer_(buffer) {}

  hal::Addr address() const { return buffer_; }
  hal::Addr payload_addr() const { return buffer_ + kRpmsgPayload; }

  // Field by field: one access each.
  std::uint32_t src() const { return hal_->read32(buffer_ + kRpmsgHdrSrc); }
  std::uint32_t dst() const { return hal_->read32(buffer_ + kRpmsgHdrDst); }
  std::uint32_t reserved() const { return hal_->read32(buffer_ + kRpmsgHdrReserved); }
  std::uint16_t len() const { return hal_->read16(buffer_ + kRpmsgHdrLen); }
  std::uint16_t flags() const { return hal_->read16(buffer_ + kRpmsgHdrFlags); }
  void set_src(std::uint32_t v) { hal_->write32(buffer_ + kRpmsgHdrSrc, v); }
  void set_dst(std::uint32_t v) { hal_->write32(buffer_ + kRpmsgHdrDst, v); }
  void set_reserved(std::uint32_t v) { hal_->write32(buffer_ + kRpmsgHdrReserved, v); }
  void set_len(std::uint16_t v) { hal_->write16(buffer_ + kRpmsgHdrLen, v); }
  void set_flags(std::uint16_t v) { hal_->write16(buffer_ + kRpmsgHdrFlags, v); }

  // Whole header: one 16-byte block transfer.
  RpmsgHeader read() const;
  void write(const RpmsgHeader& header);

  // Payload: one block transfer of `len` bytes starting at offset 16.
  void read_payload(void* dst, std::size_t len) const { hal_->read(payload_addr(), dst, len); }
  void write_payload(const void* src, std::size_t len) { hal_->write(payload_addr(), src, len); }

private:
  hal::Hal* hal_;
  hal::Addr buffer_;
};

} // namespace sim::sw::shm
