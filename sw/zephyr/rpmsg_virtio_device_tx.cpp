// SPDX-License-Identifier: Apache-2.0
// RpmsgVirtioDevice, send side: rpmsg_virtio_send_offchannel_raw and its TX-buffer wait
// (rpmsg-protocol.md §6.3, §6.6).
#include <string>
#include <vector>

#include "sw/hal/drop_reasons.h"
#include "sw/zephyr/cache_sites.h"
#include "sw/zephyr/rpmsg_virtio_device.h"

namespace sim::sw::zephyr {
namespace {

// RPMSG_TICKS_PER_INTERVAL: metal_sleep_usec(1000) between attempts.
constexpr hal::SimTime kTxPollInterval = 1 * hal::kMs;
// OpenAMP bookkeeping per sent message on an A55 (locks, header set-up): inferred.
constexpr std::uint64_t kTxMessageCycles = 300;
constexpr int kRpmsgEOpNotSupp = -2009; // RPMSG_EOPNOTSUPP (RPMSG_ERROR_BASE - 9): no callback
constexpr unsigned kHeldShift = 16;

} // namespace

int RpmsgVirtioDevice::notify_wait() {
  // The callback an application would install: wait for the next notification from the driver.
  // A wake means "look again" (no tick used); silence for the whole timeout gives up.
  if (!config_.notify_wait) return kRpmsgEOpNotSupp;
  return notify_sem_->take(config_.tx_buffer_timeout) ? kRpmsgSuccess : kRpmsgErrNoBuff;
}

hal::Addr RpmsgVirtioDevice::get_tx_payload_buffer(std::uint32_t& len, bool wait, bool* waited) {
  *waited = false;
  if ((rproc_.get_status() & shm::rsc::kStatusDriverOk) == 0) return 0;
  std::uint64_t ticks = wait ? config_.tx_buffer_timeout / kTxPollInterval : 0;
  DeviceVirtqueue::Buffer b;
  bool got = false;
  if (hand_out_again_) {
    // Fault: the buffer handed out last time, again, without taking an available one.
    b = *hand_out_again_;
    hand_out_again_.reset();
    got = true;
    status_.double_tx_buffer_fired.push_back(hal_.now());
  }
  while (!got) {
    lock();
    got = svq_->get_available_buffer(b);
    unlock();
    if (got && b.addr == 0) {
      // phys_to_virt gave NULL: OpenAMP sees no buffer, and the avail slot is gone for good.
      ++status_.bad_buffer_addresses;
      got = false;
    }
    if (got || ticks == 0) break;
    *waited = true;
    const int woken = notify_wait();
    if (woken == kRpmsgEOpNotSupp) {
      ++status_.tx_buffer_waits;
      hal_.sleep(kTxPollInterval);
      --ticks;
    } else if (release_.has(Feature::kNotifyWaitBreaksOnSuccess)) {
      // v2024.05: `else if (status == RPMSG_SUCCESS) break;` leaves with no buffer (rpmsg_send
      // fails RPMSG_ERR_NO_BUFF), and an error neither breaks nor uses a tick: it waits again,
      // without end (fixed by bb4459f in v2024.10).
      if (woken == kRpmsgSuccess) break;
    } else if (woken != kRpmsgSuccess) {
      break;
    }
  }
  if (!got) return 0;
  if (++tx_buffers_handed_ == config_.double_tx_buffer_nth) hand_out_again_ = b;
  if (b.len < shm::kRpmsgHdrSize)
    hal_.panic("TX descriptor " + std::to_string(b.idx) + " is " + std::to_string(b.len) +
               " bytes, less than the rpmsg header");
  hal_.probe(hal::buffer_event(hal::ProbeKind::kTxBuffer, b.addr));
  shm::RpmsgHeaderView hdr(hal_, b.addr);
  hdr.set_reserved(b.idx); // kept for send_nocopy
  if (release_.has(Feature::kHoldCounter)) hdr.set_reserved(hdr.reserved() + (1u << kHeldShift));
  len = b.len - shm::kRpmsgHdrSize;
  return b.addr + shm::kRpmsgHdrSize;
}

int RpmsgVirtioDevice::refuse_send(std::uint32_t src, std::uint32_t dst, const void* data,
                                   std::size_t len, int err) {
  hal_.probe(hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, data, len));
  hal_.probe(hal::drop_event(hal::ProbeKind::kTxFailed, hal::drop::kSendFailed));
  return err;
}

int RpmsgVirtioDevice::send_offchannel_raw(std::uint32_t src, std::uint32_t dst, const void* data,
                                           int len, bool wait) {
  hal_.probe(hal::message_event(hal::ProbeKind::kTxStart, 0, src, dst, data,
                                static_cast<std::size_t>(len)));
  std::uint32_t buff_len = 0;
  bool waited = false;
  const hal::Addr payload = get_tx_payload_buffer(buff_len, wait, &waited);
  if (payload == 0) {
    // The ledger's names for RPMSG_ERR_NO_BUFF: given up after waiting, or none there at once.
    hal_.probe(hal::drop_event(hal::ProbeKind::kTxFailed,
                               waited ? hal::drop::kTxTimeout : hal::drop::kNoTxBuffer));
    return kRpmsgErrNoBuff;
  }
  hal_.spend(kTxMessageCycles);
  // Silent truncation (rpmsg-protocol.md §9 B4): Linux would have refused with -EMSGSIZE.
  if (static_cast<std::uint32_t>(len) > buff_len) {
    len = static_cast<int>(buff_len);
    ++status_.tx_truncated;
  }
  hal_.write(payload, data, static_cast<std::size_t>(len));
  // What went into the buffer, kept for the ledger: the caller's memory may change before the
  // publish (the flush can let another thread run), the buffer does not.
  const auto* bytes = static_cast<const std::uint8_t*>(data);
  const std::vector<std::uint8_t> written(bytes, bytes + len);
  return send_nocopy(src, dst, payload, len, written.data());
}

int RpmsgVirtioDevice::send_nocopy(std::uint32_t src, std::uint32_t dst, hal::Addr payload, int len,
                                   const void* written) {
  shm::RpmsgHeaderView hdr(hal_, payload - shm::kRpmsgHdrSize);
  const auto idx = static_cast<std::uint16_t>(hdr.reserved());
  shm::RpmsgHeader h;
  h.src = src;
  h.dst = dst;
  h.len = static_cast<std::uint16_t>(len);
  hdr.write(h); // one 16-byte block write, reserved and flags 0
  lock();
  // desc.len is the whole buffer (512 from Linux): that much is flushed and reported as used.
  const std::uint32_t buff_len = svq_->get_buffer_length(idx);
  cache_.buffer_flush(hdr.address(), buff_len, site::kTxBufferFlush);
  // Reported before the used ring makes it visible: the peer may take it as soon as it is.
  hal::ProbeEvent published = hal::message_event(hal::ProbeKind::kTxPublished, hdr.address(), src,
                                                 dst, written, static_cast<std::size_t>(len));
  published.name = "vring0"; // the device's TX queue is the first virtqueue (rvdev->svq)
  hal_.probe(published);
  // OpenAMP asserts on a failure here (RPMSG_ASSERT); the model carries on and says so.
  if (!svq_->add_consumed_buffer(idx, buff_len))
    hal_.probe(hal::drop_event(hal::ProbeKind::kTxFailed, hal::drop::kSendFailed));
  svq_->kick();
  unlock();
  ++status_.tx_buffers;
  return len;
}

} // namespace sim::sw::zephyr
