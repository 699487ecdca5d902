// SPDX-License-Identifier: Apache-2.0
// RpmsgVirtioDevice, receive side: rpmsg_virtio_rx_callback on vring1 and held RX buffers
// (rpmsg-protocol.md §6.4, §6.5).
#include <algorithm>

#include "sw/hal/drop_reasons.h"
#include "sw/zephyr/cache_sites.h"
#include "sw/zephyr/rpmsg_virtio_device.h"

namespace sim::sw::zephyr {
namespace {

// OpenAMP bookkeeping per RX buffer on an A55 (endpoint list walk, locks, branches): inferred.
constexpr std::uint64_t kRxBufferCycles = 300;

// `reserved` as a hold marker: bit 31 up to v2023.10 (RPMSG_BUF_HELD), then a counter in bits
// 31:16 with the buffer index in bits 15:0 (RPMSG_BUF_HELD_SHIFT = 16, b32187e, v2024.05).
constexpr std::uint32_t kHeldFlag = 1u << 31;
constexpr unsigned kHeldShift = 16;
constexpr std::uint32_t kHeldMask = 0xffffu << kHeldShift;

} // namespace

bool RpmsgVirtioDevice::get_rx_buffer(DeviceVirtqueue::Buffer& b, std::uint32_t& len) {
  const bool got = rvq_->get_available_buffer(b);
  if (got) len = b.len; // *len is written only when a buffer came
  if (got && b.addr == 0) ++status_.bad_buffer_addresses;
  if (!got || b.addr == 0) {
    // Up to v2022.10 rpmsg_virtio_get_rx_buffer invalidates even a NULL buffer,
    // metal_cache_invalidate(NULL, len) (removed by 246540f / PR #466, v2023.04): data cache
    // maintenance by VA from 0, over the last desc.len the drain saw. On an empty first call C's
    // `len` is uninitialised stack; the model takes 0 there (inferred: nothing is issued).
    if (release_.has(Feature::kNullBufferInvalidate) && cache_.switches().buffers) {
      ++status_.null_buffer_invalidates;
      cache_.buffer_invalidate(0, len, site::kRxBufferInvalidate);
    }
    return false;
  }
  cache_.buffer_invalidate(b.addr, b.len, site::kRxBufferInvalidate);
  return true;
}

void RpmsgVirtioDevice::return_buffer(hal::Addr hdr, std::uint32_t len, std::uint16_t idx) {
  // From v2023.04 (PR #465) the buffer is invalidated before it goes back, so the dirty line the
  // `reserved` write left cannot be evicted over the driver's next message later.
  if (release_.has(Feature::kInvalidateOnRxReturn))
    cache_.buffer_invalidate(hdr, len, site::kRxBufferReturnInvalidate);
  rvq_->add_consumed_buffer(idx, len);
}

void RpmsgVirtioDevice::held_inc(shm::RpmsgHeaderView& hdr) {
  hdr.set_reserved(hdr.reserved() + (1u << kHeldShift));
}

bool RpmsgVirtioDevice::held_dec_test(shm::RpmsgHeaderView& hdr) {
  const std::uint32_t reserved = hdr.reserved();
  if ((reserved & kHeldMask) == 0) {
    hal_.log(hal::LogLevel::kWarn, "sw.remote.rpmsg", "unexpected buffer held counter");
    return false;
  }
  const std::uint32_t next = reserved - (1u << kHeldShift);
  hdr.set_reserved(next);
  return (next & kHeldMask) == 0;
}

RpmsgVirtioDevice::RxCopy* RpmsgVirtioDevice::find_copy(const void* data) {
  for (auto& c : copies_)
    if (c->payload.data() == data) return c.get();
  return nullptr;
}

void RpmsgVirtioDevice::drop_copy(const RxCopy* copy) {
  copies_.erase(std::remove_if(copies_.begin(), copies_.end(),
                               [copy](const auto& c) { return c.get() == copy; }),
                copies_.end());
}

void RpmsgVirtioDevice::rx_callback() {
  // Kicks (rpmsg_virtio_rx_callback): up to v2023.10 one when the drain finds the ring empty, if
  // it took a buffer (returned or held); from v2024.05 (40820be) one after every returned buffer;
  // from v2024.10 the VQ_RX_EMPTY_NOTIFY option brings back one at the empty ring, only if a
  // buffer was returned (79d20e6). A kick reaches Linux only while vring1's avail.flags let it.
  const bool per_buffer =
      release_.has(Feature::kKickPerRxBuffer) &&
      !(release_.has(Feature::kRxEmptyNotifyOption) && config_.vq_rx_empty_notify);
  bool kick_at_empty = false;
  // C's `len` of rpmsg_virtio_rx_callback, uninitialised until a buffer comes (get_rx_buffer).
  std::uint32_t last_len = 0;
  for (;;) {
    lock();
    DeviceVirtqueue::Buffer b;
    if (!get_rx_buffer(b, last_len)) {
      if (kick_at_empty) rvq_->kick();
      unlock();
      hal_.probe(hal::signal_event(hal::ProbeKind::kRxIdle));
      return;
    }
    if (!release_.has(Feature::kKickPerRxBuffer)) kick_at_empty = true;
    hal_.probe(hal::buffer_event(hal::ProbeKind::kRxTaken, b.addr));
    ++status_.rx_buffers;
    hal_.spend(kRxBufferCycles);
    shm::RpmsgHeaderView hdr(hal_, b.addr);
    // The index goes into the shared buffer, through the cache: a dirty line from here on.
    hdr.set_reserved(b.idx);
    if (release_.has(Feature::kHoldCounter)) held_inc(hdr);
    const std::uint32_t dst = hdr.dst();
    RpmsgEndpoint* ept = find_endpoint(dst);
    unlock();

    const void* data = nullptr;
    if (ept != nullptr) {
      const std::uint32_t src = hdr.src();
      if (ept->dest() == kRpmsgAddrAny) ept->set_dest(src); // first message: learn the peer
      const std::uint16_t len = hdr.len();
      // The callback gets rp_hdr->len unchecked against desc.len, as in OpenAMP.
      auto c = std::make_unique<RxCopy>();
      c->hdr = b.addr;
      c->payload.resize(std::max<std::size_t>(len, 1));
      hdr.read_payload(c->payload.data(), len);
      data = c->payload.data();
      copies_.push_back(std::move(c));
      hal_.probe(hal::message_event(hal::ProbeKind::kRxHanded, b.addr, src, dst, data, len));
      ept->call(data, len, src);
    } else {
      // No recipient: silently dropped, the buffer still goes back (issue #354).
      ++status_.rx_no_endpoint;
      hal::ProbeEvent dropped =
          hal::drop_event(hal::ProbeKind::kRxDropped, hal::drop::kNoRecipient);
      dropped.address = b.addr;
      dropped.dst = dst;
      dropped.fields = hal::kFieldDst;
      hal_.probe(dropped);
    }

    lock();
    const bool release = release_.has(Feature::kHoldCounter) ? held_dec_test(hdr)
                                                             : (hdr.reserved() & kHeldFlag) == 0;
    if (release) {
      // From v2024.05 (PR #524) the loop returns the buffer through
      // rpmsg_virtio_release_rx_buffer_nolock; before, with the length it took it with.
      if (release_.has(Feature::kHoldCounter))
        release_rx_buffer_nolock(hdr, b.addr);
      else
        return_buffer(b.addr, b.len, b.idx);
      if (per_buffer)
        rvq_->kick();
      else if (release_.has(Feature::kKickPerRxBuffer))
        kick_at_empty = true; // VQ_RX_EMPTY_NOTIFY: a returned buffer, not a held one
    }
    unlock();
    // A held buffer keeps its copy until release_rx_buffer (which may already have run).
    if (release && data != nullptr) drop_copy(find_copy(data));
  }
}

void RpmsgVirtioDevice::release_rx_buffer_nolock(const shm::RpmsgHeaderView& hdr, hal::Addr addr) {
  // The index comes back from the shared buffer's `reserved` field, read through the cache, and
  // the length from the ring again (virtqueue_get_buffer_length: desc.len invalidated first).
  const std::uint32_t reserved = hdr.reserved();
  const auto idx = static_cast<std::uint16_t>(
      release_.has(Feature::kHoldCounter) ? reserved & ~kHeldMask : reserved & ~kHeldFlag);
  return_buffer(addr, rvq_->get_buffer_length(idx), idx);
}

void RpmsgVirtioDevice::hold_rx_buffer(const void* data) {
  RxCopy* copy = find_copy(data);
  if (copy == nullptr) {
    hal_.log(hal::LogLevel::kWarn, "sw.remote.rpmsg", "hold of an unknown RX buffer");
    return;
  }
  shm::RpmsgHeaderView hdr(hal_, copy->hdr);
  lock();
  if (release_.has(Feature::kHoldCounter))
    held_inc(hdr);
  else
    hdr.set_reserved(hdr.reserved() | kHeldFlag);
  unlock();
}

void RpmsgVirtioDevice::release_rx_buffer(const void* data) {
  RxCopy* copy = find_copy(data);
  if (copy == nullptr) {
    hal_.log(hal::LogLevel::kWarn, "sw.remote.rpmsg", "release of an unknown RX buffer");
    return;
  }
  shm::RpmsgHeaderView hdr(hal_, copy->hdr);
  lock();
  if (release_.has(Feature::kHoldCounter) && !held_dec_test(hdr)) {
    unlock();
    return;
  }
  release_rx_buffer_nolock(hdr, copy->hdr);
  // rpmsg_virtio_release_rx_buffer kicks from v2022.10 (2b6a38a), whatever VQ_RX_EMPTY_NOTIFY says.
  if (release_.has(Feature::kKickOnRelease)) rvq_->kick();
  unlock();
  drop_copy(copy);
}

} // namespace sim::sw::zephyr
