// SPDX-License-Identifier: Apache-2.0
#pragma once
// Stable names of every cache-maintenance call site of the OpenAMP remote (rpmsg-protocol.md
// §6.5, device role, CONFIG_OPENAMP_WITH_DCACHE). Faults skip a site by name
// (`skip_cache_op: {cluster: remote, site: rx_buffer_invalidate}`) and reports quote it, so these
// strings are a contract: add names, never rename. One site may issue several HAL operations
// (metal_cache_invalidate cleans+invalidates partial edge lines and invalidates whole ones); all
// carry the same name.
//
// vring0 is the remote's TX ring ("tx_" sites), vring1 its RX ring ("rx_" sites).
//
//  site                         where (OpenAMP)                          object, size
//  rsc_status_invalidate        rproc_virtio_get_status (>= v2023.10)    fw_rsc_vdev, 28 B
//  rsc_features_invalidate      rproc_virtio_get_features (>= v2023.10)  fw_rsc_vdev, 28 B
//  rsc_status_flush             rproc_virtio_set_status (>= v2023.10)    fw_rsc_vdev, 28 B
//  {rx,tx}_avail_idx_invalidate virtqueue_get_available_buffer          avail->idx, 2 B
//  {rx,tx}_avail_ring_invalidate   "  (v2021.10: always ring[0])         avail->ring[head], 2 B
//  {rx,tx}_desc_invalidate         "                                     desc[idx], 16 B
//  {rx,tx}_desc_len_invalidate  virtqueue_get_buffer_length              desc[idx].len, 4 B
//  {rx,tx}_used_ring_flush      virtqueue_add_consumed_buffer            used->ring[i], 8 B
//  {rx,tx}_used_idx_flush          "                                     used->idx, 2 B
//  {rx,tx}_avail_flags_invalidate  vq_ring_must_notify (kick)            avail->flags, 2 B
//  tx_used_flags_flush          virtqueue_disable_cb(svq)                used->flags, 2 B
//  rx_buffer_invalidate         rpmsg_virtio_get_rx_buffer               buffer, desc.len
//  rx_buffer_return_invalidate  rpmsg_virtio_return_buffer (>= v2023.04) buffer, desc.len
//  tx_buffer_flush              rpmsg_virtio_enqueue_buffer              buffer, desc.len (512)

#include <array>

namespace sim::sw::zephyr::site {

inline constexpr const char* kRscStatusInvalidate = "rsc_status_invalidate";
inline constexpr const char* kRscFeaturesInvalidate = "rsc_features_invalidate";
inline constexpr const char* kRscStatusFlush = "rsc_status_flush";

inline constexpr const char* kRxAvailIdxInvalidate = "rx_avail_idx_invalidate";
inline constexpr const char* kRxAvailRingInvalidate = "rx_avail_ring_invalidate";
inline constexpr const char* kRxDescInvalidate = "rx_desc_invalidate";
inline constexpr const char* kRxDescLenInvalidate = "rx_desc_len_invalidate";
inline constexpr const char* kRxUsedRingFlush = "rx_used_ring_flush";
inline constexpr const char* kRxUsedIdxFlush = "rx_used_idx_flush";
inline constexpr const char* kRxAvailFlagsInvalidate = "rx_avail_flags_invalidate";
inline constexpr const char* kRxUsedFlagsFlush = "rx_used_flags_flush"; // no caller: rvq keeps cb
inline constexpr const char* kRxBufferInvalidate = "rx_buffer_invalidate";
inline constexpr const char* kRxBufferReturnInvalidate = "rx_buffer_return_invalidate";

inline constexpr const char* kTxAvailIdxInvalidate = "tx_avail_idx_invalidate";
inline constexpr const char* kTxAvailRingInvalidate = "tx_avail_ring_invalidate";
inline constexpr const char* kTxDescInvalidate = "tx_desc_invalidate";
inline constexpr const char* kTxDescLenInvalidate = "tx_desc_len_invalidate";
inline constexpr const char* kTxUsedRingFlush = "tx_used_ring_flush";
inline constexpr const char* kTxUsedIdxFlush = "tx_used_idx_flush";
inline constexpr const char* kTxAvailFlagsInvalidate = "tx_avail_flags_invalidate";
inline constexpr const char* kTxUsedFlagsFlush = "tx_used_flags_flush";
inline constexpr const char* kTxBufferFlush = "tx_buffer_flush";

inline constexpr std::array<const char*, 22> kAll = {
    kRscStatusInvalidate,      kRscFeaturesInvalidate,
    kRscStatusFlush,           kRxAvailIdxInvalidate,
    kRxAvailRingInvalidate,    kRxDescInvalidate,
    kRxDescLenInvalidate,      kRxUsedRingFlush,
    kRxUsedIdxFlush,           kRxAvailFlagsInvalidate,
    kRxUsedFlagsFlush,         kRxBufferInvalidate,
    kRxBufferReturnInvalidate, kTxAvailIdxInvalidate,
    kTxAvailRingInvalidate,    kTxDescInvalidate,
    kTxDescLenInvalidate,      kTxUsedRingFlush,
    kTxUsedIdxFlush,           kTxAvailFlagsInvalidate,
    kTxUsedFlagsFlush,         kTxBufferFlush,
};

/// The sites of one virtqueue's own fields (virtqueue.c), per ring.
struct VringSites {
  const char* avail_idx_invalidate;
  const char* avail_ring_invalidate;
  const char* desc_invalidate;
  const char* desc_len_invalidate;
  const char* used_ring_flush;
  const char* used_idx_flush;
  const char* avail_flags_invalidate;
  const char* used_flags_flush;
};

inline constexpr VringSites kVring0 = {
    kTxAvailIdxInvalidate, kTxAvailRingInvalidate, kTxDescInvalidate,       kTxDescLenInvalidate,
    kTxUsedRingFlush,      kTxUsedIdxFlush,        kTxAvailFlagsInvalidate, kTxUsedFlagsFlush};
inline constexpr VringSites kVring1 = {
    kRxAvailIdxInvalidate, kRxAvailRingInvalidate, kRxDescInvalidate,       kRxDescLenInvalidate,
    kRxUsedRingFlush,      kRxUsedIdxFlush,        kRxAvailFlagsInvalidate, kRxUsedFlagsFlush};

} // namespace sim::sw::zephyr::site
