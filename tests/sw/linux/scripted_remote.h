// SPDX-License-Identifier: Apache-2.0
#pragma once
// A hand-written remote for testing the Linux stack on the platform: the virtio *device* side of
// the two vrings, driven step by step by a test script running on the remote cluster, with only
// the HAL, the sw/shm views and TccMbox. It is not OpenAMP (that is sw/zephyr's job); it does the
// minimum a device must do, so each test controls exactly what Linux sees.
//
// The script maps the shared memory Normal-NC (kRemoteNcSets) so it needs no cache maintenance:
// with the board's write-back mapping and 16-byte vring alignment, the avail and used rings
// share a cache line and any remote clean would write stale avail bytes over Linux's
// (rpmsg-protocol.md §2.2), which is a different test.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sw/drivers/tcc_mbox.h"
#include "sw/hal/hal.h"
#include "sw/platform_info.h"
#include "sw/shm/rpmsg_header_view.h"
#include "sw/shm/vring_view.h"

namespace sim::test {

/// PlatformFixture sets mapping every remote region Normal-NC.
std::vector<std::pair<std::string, std::string>> remote_nc_sets();

class ScriptedRemote {
public:
  static constexpr hal::Addr kTable = 0x200c63b8;
  static constexpr hal::Addr kStatus = kTable + 0x2c;
  static constexpr hal::Addr kVring0 = 0x200c8000;
  static constexpr hal::Addr kVring1 = 0x200c9000;
  static constexpr unsigned kNum = 8;
  static constexpr unsigned kAlign = 16;

  struct Buffer {
    std::uint16_t head = 0;
    hal::Addr addr = 0;
    std::uint32_t len = 0;
  };
  struct Message {
    sw::shm::RpmsgHeader hdr;
    std::vector<std::uint8_t> payload;
  };

  ScriptedRemote(hal::Hal& hal, const sw::PlatformInfo& info);

  /// The mailbox with an RX interrupt that records every command word it pops.
  void attach_mailbox();
  /// Only the terminal's startup (no interrupts): words sent to this side stay in the FIFO.
  void startup_mailbox_only() { mbox_.startup(); }
  const std::vector<std::uint32_t>& words() const { return words_; }
  /// Waits until at least `n` words were received.
  bool wait_words(std::size_t n, hal::SimTime timeout);

  /// Busy-polls the status byte for DRIVER_OK; records every distinct value seen.
  bool wait_driver_ok(hal::SimTime timeout);
  const std::vector<std::uint8_t>& statuses() const { return statuses_; }

  sw::shm::VringView& vring0() { return vring0_; }
  sw::shm::VringView& vring1() { return vring1_; }

  // --- vring0: remote -> Linux ---------------------------------------------------------------
  /// Next RX buffer Linux posted, if any.
  std::optional<Buffer> take_vring0_buffer();
  /// Fills a buffer with {src, dst, 0, hdr_len, 0} + payload, publishes it with `used_len`
  /// (OpenAMP reports the whole 512-byte buffer) and kicks notify id 0. False: no buffer.
  bool send(std::uint32_t src, std::uint32_t dst, const void* data, std::size_t len,
            std::optional<std::uint16_t> hdr_len = std::nullopt, std::uint32_t used_len = 512,
            bool kick = true);
  bool send_ns(const std::string& name, std::uint32_t addr, std::uint32_t flags = 0);

  // --- vring1: Linux -> remote ---------------------------------------------------------------
  /// Waits for Linux's next TX buffer.
  std::optional<Buffer> wait_vring1_buffer(hal::SimTime timeout);
  Message read_message(const Buffer& b);
  /// Returns a buffer to Linux (used.len = desc.len).
  void return_vring1_buffer(const Buffer& b);

  /// Puts one used element and advances used.idx (device side of either ring).
  void publish_used(sw::shm::VringView& ring, std::uint16_t head, std::uint32_t len);
  /// Sends one command word, retrying while the FIFO is busy; false after `timeout`.
  bool kick(std::uint32_t id, hal::SimTime timeout = 10 * hal::kMs);

  hal::Hal& hal() { return hal_; }

private:
  std::optional<Buffer> take(sw::shm::VringView& ring, std::uint16_t& last_avail);

  hal::Hal& hal_;
  sw::PlatformInfo info_;
  sw::TccMbox mbox_;
  sw::shm::VringView vring0_;
  sw::shm::VringView vring1_;
  std::uint16_t last_avail_[2] = {0, 0};
  std::uint16_t used_idx_[2] = {0, 0};
  std::vector<std::uint32_t> words_;
  std::vector<std::uint8_t> statuses_;
  hal::Semaphore* word_sem_ = nullptr;
};

} // namespace sim::test
