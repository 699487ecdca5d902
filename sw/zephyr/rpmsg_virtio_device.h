// SPDX-License-Identifier: Apache-2.0
#pragma once
// OpenAMP's rpmsg_virtio for the device (remote) role (rpmsg-protocol.md §6.2-§6.6): endpoints
// and their address bitmap (first dynamic address 0x400; from v2024.05 searched from after the
// last one handed out), the name service at 0x35, the TX path
// (buffer from vring0's avail ring, `reserved = idx`, silent truncation above desc.len - 16,
// header + payload, flush, used ring, kick) with its 1 ms polls while no buffer is available, and
// the RX drain of vring1 (`reserved = idx` written into the shared buffer, endpoint lookup,
// callback, buffer returned unless held, kicks per batch or per buffer).
//
// Callbacks receive a copy of the payload as this core read it through its cache; a held buffer's
// copy stays valid until it is released, and release maps the copy back to the shared buffer and
// reads its index from the buffer's `reserved` field, as the C code does. The device lock
// (rdev->lock, a k_sem) is taken where OpenAMP takes it. Compute time: a few hundred cycles of
// bookkeeping per buffer (inferred); memory and maintenance cost what the HAL charges.
// Not modelled: the zero-copy API, the TX buffer reclaimer, endpoint reference counts,
// ns_bind_cb / unbind callbacks.

#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sw/hal/hal.h"
#include "sw/shm/rpmsg_header_view.h"
#include "sw/zephyr/device_virtqueue.h"
#include "sw/zephyr/metal_cache.h"
#include "sw/zephyr/openamp_release.h"
#include "sw/zephyr/remoteproc_virtio.h"
#include "sw/zephyr/rpmsg_endpoint.h"
#include "sw/zephyr/zephyr.h"

namespace sim::sw::zephyr {

class RpmsgVirtioDevice : public Rpmsg {
public:
  struct Config {
    hal::SimTime tx_buffer_timeout = 15 * hal::kSec;
    bool notify_wait = false;          ///< a notify_wait_cb is installed (>= v2024.05 only)
    bool vq_rx_empty_notify = false;   ///< WITH_VQ_RX_EMPTY_NOTIFY (>= v2024.10 only)
    unsigned double_tx_buffer_nth = 0; ///< fault: see ZephyrOptions
  };

  RpmsgVirtioDevice(hal::Hal& hal, MetalCache& cache, const OpenampRelease& release,
                    RemoteprocVirtio& rproc, ZephyrStatus& status, const Config& config);

  /// rpmsg_init_vdev, device role: waits for DRIVER_OK again, reads the features, creates the
  /// virtqueues, suppresses vring0 notifications (used.flags NO_NOTIFY), registers the NS
  /// endpoint when the driver accepted VIRTIO_RPMSG_F_NS.
  int init(DeviceVirtqueue::ShmRegion shm);
  /// An IPM notification arrived (wakes a sender in notify_wait_cb).
  void on_notification();
  bool support_ns() const { return support_ns_; }
  /// The image's logging, handed to the applications (Rpmsg::logger).
  void set_logger(Logger* logger) { logger_ = logger; }
  Logger* logger() override { return logger_; }

  // --- Rpmsg -----------------------------------------------------------------------------------
  Endpoint& create_endpoint(const std::string& name, std::uint32_t src, std::uint32_t dst,
                            EndpointCallback callback) override;

  // --- for RpmsgEndpoint -----------------------------------------------------------------------
  int send_offchannel_raw(std::uint32_t src, std::uint32_t dst, const void* data, int len,
                          bool wait);
  /// A send refused by rpmsg_send_offchannel_raw's parameter checks, before the device: reported
  /// to the ledger as a send that failed; returns `err`.
  int refuse_send(std::uint32_t src, std::uint32_t dst, const void* data, std::size_t len, int err);
  void hold_rx_buffer(const void* data);
  void release_rx_buffer(const void* data);
  void destroy_endpoint(RpmsgEndpoint& ept);

private:
  /// An RX buffer whose payload copy a callback may still use.
  struct RxCopy {
    hal::Addr hdr = 0;
    std::vector<std::uint8_t> payload;
  };

  // RX (rpmsg_virtio_device_rx.cpp)
  void rx_callback();
  /// `len`: the drain's last desc.len, updated when a buffer comes (the NULL invalidate's size).
  bool get_rx_buffer(DeviceVirtqueue::Buffer& b, std::uint32_t& len);
  void return_buffer(hal::Addr hdr, std::uint32_t len, std::uint16_t idx);
  /// rpmsg_virtio_release_rx_buffer_nolock (without its kick): the buffer at `addr` back to the
  /// ring by the index its header keeps and desc.len read again.
  void release_rx_buffer_nolock(const shm::RpmsgHeaderView& hdr, hal::Addr addr);
  RxCopy* find_copy(const void* data);
  void drop_copy(const RxCopy* copy);
  void held_inc(shm::RpmsgHeaderView& hdr);
  bool held_dec_test(shm::RpmsgHeaderView& hdr);

  // TX (rpmsg_virtio_device_tx.cpp)
  /// `waited`: it waited for a buffer (and gave up, when it returns 0).
  hal::Addr get_tx_payload_buffer(std::uint32_t& len, bool wait, bool* waited);
  /// `written`: the `len` payload bytes the caller copied in (the ledger's record of the wire).
  int send_nocopy(std::uint32_t src, std::uint32_t dst, hal::Addr payload, int len,
                  const void* written);
  int notify_wait();

  // endpoints and name service
  RpmsgEndpoint* find_endpoint(std::uint32_t addr);
  int register_endpoint(RpmsgEndpoint& ept, std::uint32_t src);
  void unregister_endpoint(RpmsgEndpoint& ept);
  int send_ns_message(RpmsgEndpoint& ept, std::uint32_t flags);
  int ns_callback(const void* data, std::size_t len);
  void lock() { lock_->take(hal::kForever); }
  void unlock() { lock_->give(); }

  hal::Hal& hal_;
  MetalCache& cache_;
  const OpenampRelease& release_;
  RemoteprocVirtio& rproc_;
  ZephyrStatus& status_;
  unsigned tx_buffers_handed_ = 0;
  std::optional<DeviceVirtqueue::Buffer> hand_out_again_; ///< double_tx_buffer fault
  Config config_;
  hal::Semaphore* lock_;
  hal::Semaphore* notify_sem_ = nullptr;
  DeviceVirtqueue* svq_ = nullptr; ///< vring0, the remote's TX ring
  DeviceVirtqueue* rvq_ = nullptr; ///< vring1, the remote's RX ring
  bool support_ns_ = false;
  Logger* logger_ = nullptr;
  std::bitset<128> addresses_; ///< RPMSG_ADDR_BMP_SIZE bits from RPMSG_RESERVED_ADDRESSES
  std::size_t bitnext_ = 0;    ///< rdev->bitnext (v2024.05 on): where the next search starts
  std::vector<std::unique_ptr<RpmsgEndpoint>> endpoints_;
  std::vector<std::unique_ptr<RxCopy>> copies_;
};

} // namespace sim::sw::zephyr
