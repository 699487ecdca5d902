// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/openamp_release.h"

#include <stdexcept>

namespace sim::sw::zephyr {
namespace {

/// The releases Zephyr shipped, oldest first (v2022.10 is also Zephyr 3.3's).
constexpr std::array<const char*, 7> kReleaseNames = {
    "v2021.10", "v2022.04", "v2022.10", "v2023.04", "v2023.10", "v2024.05", "v2024.10"};

std::size_t release_index(const std::string& name) {
  for (std::size_t i = 0; i < kReleaseNames.size(); ++i)
    if (name == kReleaseNames[i]) return i;
  return kReleaseNames.size();
}

} // namespace

const std::array<FeatureInfo, kFeatureCount>& openamp_features() {
  // Commits as rpmsg-protocol.md §6.6 gives them, each checked against the release sources.
  static const std::array<FeatureInfo, kFeatureCount> kFeatures = {{
      {Feature::kAvailRingInvalidateBeforeHead, "avail_ring_invalidate_before_head", "v2021.10",
       "v2022.04", "PR #339 (issue #338)", "lib/virtio/virtqueue.c virtqueue_get_available_buffer",
       "avail->ring[head_idx] is invalidated before head_idx is computed: always ring[0]"},
      {Feature::kNullBufferInvalidate, "null_buffer_invalidate", "v2021.10", "v2023.04",
       "removed by 246540f (PR #466)", "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_get_rx_buffer",
       "a drain that finds the ring empty still invalidates the NULL buffer, "
       "metal_cache_invalidate(NULL, len), len the last desc.len of the drain: DC maintenance "
       "from VA 0"},
      {Feature::kKickOnRelease, "kick_on_release", "v2022.10", "", "2b6a38a",
       "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_release_rx_buffer",
       "returning a held RX buffer kicks the driver"},
      {Feature::kConsumedBoundInclusive, "consumed_bound_inclusive", "v2022.10", "", "8590171",
       "lib/virtio/virtqueue.c virtqueue_add_consumed_buffer",
       "a head index >= the ring size is refused (before: >, so the index equal to the size "
       "was accepted)"},
      {Feature::kInvalidateOnRxReturn, "invalidate_on_rx_return", "v2023.04", "",
       "7a11ad1 (PR #465)", "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_return_buffer",
       "the RX buffer is invalidated before it goes back to the driver"},
      {Feature::kRscTableInvalidate, "rsc_table_invalidate", "v2023.10", "", "a2456e6 (PR #500)",
       "lib/remoteproc/remoteproc_virtio.c rproc_virtio_get_status, get_dfeatures, "
       "get_features",
       "the vdev entry is invalidated before each status and feature read (get_features reads "
       "both words: two invalidates)"},
      {Feature::kHoldCounter, "hold_counter", "v2024.05", "", "b32187e (PR #524)",
       "lib/rpmsg/rpmsg_internal.h RPMSG_BUF_HELD_*, rpmsg_virtio.c",
       "the held flag (bit 31 of `reserved`) becomes a 16-bit counter in bits 31:16, counted "
       "around the endpoint callback and for TX buffers; the RX loop returns a buffer through "
       "rpmsg_virtio_release_rx_buffer_nolock, which takes the index from `reserved` and "
       "invalidates and reads desc.len again (virtqueue_get_buffer_length)"},
      {Feature::kKickPerRxBuffer, "kick_per_rx_buffer", "v2024.05", "", "40820be",
       "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_rx_callback, "
       "rpmsg_virtio_release_rx_buffer_nolock",
       "the RX loop kicks after every returned buffer (before: once, when the drain found the "
       "ring empty, if it took a buffer)"},
      {Feature::kNotifyWaitCb, "notify_wait_cb", "v2024.05", "", "15b4a8b (PR #549)",
       "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_get_tx_payload_buffer",
       "a notify_wait_cb can wait for a TX buffer instead of the 1 ms sleep"},
      {Feature::kNotifyWaitBreaksOnSuccess, "notify_wait_breaks_on_success", "v2024.05", "v2024.10",
       "15b4a8b; fixed by bb4459f (PR #624)",
       "lib/rpmsg/rpmsg_virtio.c rpmsg_virtio_get_tx_payload_buffer",
       "a successful notify_wait leaves the wait with no buffer (rpmsg_send returns "
       "RPMSG_ERR_NO_BUFF) and a failed one retries without using up the timeout"},
      {Feature::kSplitDescInvalidate, "split_desc_invalidate", "v2024.05", "", "a6b48bd",
       "lib/virtio/virtqueue.c virtqueue_get_available_buffer",
       "desc.addr (8 bytes) and desc.len (4 bytes) are invalidated and read separately (before: "
       "one 16-byte invalidate of the descriptor)"},
      {Feature::kEndpointAddressAfterLast, "endpoint_address_after_last", "v2024.05", "", "bbefedd",
       "lib/rpmsg/rpmsg.c rpmsg_get_address, rpmsg_create_ept",
       "a new endpoint's address is searched from after the last one handed out (bitnext, the "
       "search wrapping), not from the first free one"},
      {Feature::kRxEmptyNotifyOption, "rx_empty_notify_option", "v2024.10", "", "79d20e6 (PR #615)",
       "cmake/options.cmake WITH_VQ_RX_EMPTY_NOTIFY",
       "the VQ_RX_EMPTY_NOTIFY build option exists (openamp.vq_rx_empty_notify): one kick when "
       "the drain finds the ring empty, if it returned a buffer"},
      {Feature::kVdevDeviceId, "vdev_device_id", "v2024.05", "", "PR #540",
       "lib/remoteproc/remoteproc_virtio.c rproc_virtio_create_vdev",
       "creating the vdev reads the table's vdev id into vdev->id.device: one more read of the "
       "table, through the cache, before the status wait (found by ipcsim conform)"},
  }};
  return kFeatures;
}

const FeatureInfo& feature_info(Feature f) {
  return openamp_features()[static_cast<std::size_t>(f)];
}

OpenampRelease OpenampRelease::with(Feature f, bool on) const {
  OpenampRelease r = *this;
  if (r.has(f) == on) return r;
  r.features_[static_cast<std::size_t>(f)] = on;
  r.name_ += std::string(on ? " +" : " -") + feature_info(f).key;
  return r;
}

const std::vector<OpenampRelease>& openamp_releases() {
  static const std::vector<OpenampRelease> kReleases = [] {
    std::vector<OpenampRelease> out;
    for (std::size_t r = 0; r < kReleaseNames.size(); ++r) {
      std::array<bool, kFeatureCount> on{};
      for (const FeatureInfo& f : openamp_features()) {
        const std::size_t until = *f.until == '\0' ? kReleaseNames.size() : release_index(f.until);
        on[static_cast<std::size_t>(f.feature)] = release_index(f.since) <= r && r < until;
      }
      out.emplace_back(kReleaseNames[r], on);
    }
    return out;
  }();
  return kReleases;
}

std::string openamp_release_names() {
  std::string names;
  for (const OpenampRelease& r : openamp_releases())
    names += (names.empty() ? "" : ", ") + r.name();
  return names;
}

std::vector<std::string> openamp_feature_keys() {
  std::vector<std::string> keys;
  for (const FeatureInfo& f : openamp_features()) keys.emplace_back(f.key);
  return keys;
}

const OpenampRelease& openamp_release(const std::string& name) {
  for (const OpenampRelease& r : openamp_releases())
    if (name == r.name()) return r;
  throw std::invalid_argument("unknown OpenAMP release '" + name +
                              "' (valid: " + openamp_release_names() + ")");
}

OpenampRelease openamp_release(const std::string& name,
                               const std::map<std::string, bool>& overrides) {
  OpenampRelease r = openamp_release(name);
  for (const auto& [key, on] : overrides) {
    const FeatureInfo* found = nullptr;
    for (const FeatureInfo& f : openamp_features())
      if (key == f.key) found = &f;
    if (found == nullptr) throw std::invalid_argument("unknown OpenAMP feature '" + key + "'");
    r = r.with(found->feature, on);
  }
  return r;
}

} // namespace sim::sw::zephyr
