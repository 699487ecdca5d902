// SPDX-License-Identifier: Apache-2.0
#pragma once
// OpenAMP release presets: what changed between the releases Zephyr shipped, as behaviour flags
// the remote model consults (rpmsg-protocol.md §6.5, §6.6, §8; DESIGN §4). One table, one row per
// release; each flag names the commit or PR that introduced or removed the behaviour. Releases
// from v2021.10 on have the vring and buffer cache operations (PR #293); whether they run at all
// is CONFIG_OPENAMP_WITH_DCACHE (ZephyrOptions::dcache), not the release.

#include <string>
#include <vector>

namespace sim::sw::zephyr {

struct OpenampRelease {
  const char* name;
  /// virtqueue_get_available_buffer invalidates avail->ring[head_idx] before head_idx is
  /// computed, so always ring[0] (issue #338; fixed by PR #339, Feb 2022): v2021.10 only.
  bool avail_ring_invalidate_before_head;
  /// get_rx_buffer invalidates even when no buffer came back (NULL, len): v2021.10-v2022.04
  /// (fixed by 246540f / PR #466, v2023.04). The code path dates from PR #293; the reference
  /// documents it for v2022.04. Harmless here: counted, no cache operation issued.
  bool null_buffer_invalidate;
  /// rpmsg_virtio_return_buffer invalidates the RX buffer (the dirty `reserved = idx` leaves the
  /// cache: cleaned with a partial line, dropped with a whole one): 7a11ad1 / PR #465, v2023.04.
  /// Before it the dirty line stays behind (real-bugs B4).
  bool invalidate_on_rx_return;
  /// rpmsg_virtio_release_rx_buffer kicks the peer after returning a held buffer: 2b6a38a,
  /// v2022.10.
  bool kick_on_release;
  /// RSC_TABLE_INVALIDATE of the vdev entry before every status/feature read (and flush after a
  /// status write): a2456e6 / PR #500, v2023.10. Before it the status byte is read through the
  /// cache, so a write-back mapped table never shows DRIVER_OK (real-bugs B5).
  bool rsc_table_invalidate;
  /// The held flag (bit 31 of `reserved`) becomes a 16-bit counter in bits 31:16, incremented
  /// around the endpoint callback and for TX buffers: b32187e, v2023.10.
  bool hold_counter;
  /// notify_wait_cb hook in the TX-buffer wait: 15b4a8b, v2024.05.
  bool notify_wait_cb;
  /// RX loop kicks after every returned buffer; one kick per drained batch is the
  /// VQ_RX_EMPTY_NOTIFY option: 79d20e6 / PR #615, v2024.10.
  bool kick_per_rx_buffer;
};

/// The preset called `name` ("v2024.05"); throws std::invalid_argument naming the valid ones.
const OpenampRelease& openamp_release(const std::string& name);
/// Every preset, oldest first.
const std::vector<OpenampRelease>& openamp_releases();
/// "v2021.10, v2022.04, ..." for messages.
std::string openamp_release_names();

} // namespace sim::sw::zephyr
