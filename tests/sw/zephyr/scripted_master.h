// SPDX-License-Identifier: Apache-2.0
#pragma once
// A scripted stand-in for the Linux master, for testing the Zephyr remote alone: it runs on the
// "master" cluster, which maps the carve-outs Normal-NC, so every access is a plain store or load
// reaching DRAM (no cache maintenance, like Linux). It does what virtio_rpmsg_bus and remoteproc
// do to the shared structures, step by step under the test's control: the status sequence
// 0 -> 1 -> 3 -> 7 with gfeatures, both vrings cleared, RX buffers posted in vring0, vring1
// avail.flags NO_INTERRUPT, messages with rpmsg headers posted in vring1, kicks with notify ids
// over the TCC mailbox, and reading vring0's used ring. Not a model of Linux: no timeouts,
// recycling or error paths beyond what the tests need.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sw/drivers/tcc_mbox.h"
#include "sw/hal/hal.h"
#include "sw/platform_info.h"
#include "sw/shm/rpmsg_header_view.h"
#include "sw/shm/vring_view.h"

namespace sim::test {

struct ScriptedMasterConfig {
  std::uint64_t rsc_table = 0x200c63b8;
  unsigned vring_num = 8;
  unsigned vring_align = 16;
  std::uint64_t vring0 = 0x200c8000;
  std::uint64_t vring1 = 0x200c9000;
  std::uint64_t buffers = 0x200ca000;
  /// RX buffers (vring0) are buffers[0 .. rx_buffers), TX buffers follow them.
  unsigned rx_buffers = 8;
  unsigned tx_buffers = 8;
  /// Buffers posted in vring0 at attach (Linux posts all of them).
  unsigned rx_posted = 8;
  /// Time before the first status write, and between status writes.
  hal::SimTime start_delay = 1 * hal::kMs;
  hal::SimTime status_step = 100 * hal::kUs;
  /// Linux kicks notify id 0 after DRIVER_OK (the remote has not suppressed it yet).
  bool kick_after_driver_ok = true;
};

class ScriptedMaster {
public:
  struct Message {
    std::uint32_t desc = 0;     ///< used.ring[].id
    std::uint32_t used_len = 0; ///< used.ring[].len
    sw::shm::RpmsgHeader hdr;
    std::vector<std::uint8_t> payload;
    std::string text() const { return std::string(payload.begin(), payload.end()); }
  };

  ScriptedMaster(hal::Hal& hal, const sw::PlatformInfo& info, ScriptedMasterConfig config = {});

  /// Mailbox startup, then the attach sequence up to DRIVER_OK and the first kick.
  void attach();
  void set_status(std::uint8_t status);

  /// Puts one message in the next TX buffer and in vring1 (desc, avail.ring, barrier, avail.idx)
  /// without kicking; returns the descriptor index used.
  unsigned post(std::uint32_t src, std::uint32_t dst, const std::string& payload);
  /// Descriptor index for the n-th posted message (default n % num).
  void set_desc_for(std::function<unsigned(unsigned n)> f) { desc_for_ = std::move(f); }
  /// Rings the remote with notify id `id` (retries while the mailbox is busy).
  void kick(std::uint32_t id = 1);
  unsigned send(std::uint32_t src, std::uint32_t dst, const std::string& payload) {
    unsigned d = post(src, dst, payload);
    kick(1);
    return d;
  }

  /// Waits up to `timeout` for the next kick from the remote; false on timeout.
  bool wait_kick(hal::SimTime timeout);
  /// Kicks received so far (notify ids).
  const std::vector<std::uint32_t>& kicks() const { return kicks_; }
  /// Takes every new entry of vring0's used ring and, with `repost`, gives the buffers back.
  std::vector<Message> receive(bool repost = true);
  /// Waits until vring1's used.idx reaches `idx` (the remote returned that many TX buffers).
  bool wait_tx_returned(std::uint16_t idx, hal::SimTime timeout);

  sw::shm::VringView& vring0() { return vring0_; }
  sw::shm::VringView& vring1() { return vring1_; }
  std::uint64_t rx_buffer(unsigned i) const { return config_.buffers + 512ull * i; }
  std::uint64_t tx_buffer(unsigned i) const {
    return config_.buffers + 512ull * (config_.rx_buffers + i);
  }
  unsigned posted() const { return posted_; }

private:
  hal::Hal& hal_;
  ScriptedMasterConfig config_;
  sw::TccMbox mbox_;
  hal::Semaphore* kick_sem_ = nullptr;
  std::uint32_t irq_rx_, irq_tx_;
  sw::shm::VringView vring0_;
  sw::shm::VringView vring1_;
  std::vector<std::uint32_t> kicks_;
  std::function<unsigned(unsigned)> desc_for_;
  unsigned posted_ = 0;
  std::uint16_t vring0_avail_ = 0;
  std::uint16_t vring0_last_used_ = 0;
};

} // namespace sim::test
