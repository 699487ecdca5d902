// SPDX-License-Identifier: Apache-2.0
#pragma once
// OpenAMP's remoteproc_virtio for the device role over the image's own resource table
// (rpmsg-protocol.md §6.2, §6.4, §7): the virtio status and features live in the table's vdev
// entry, which Linux writes with plain stores and no doorbell, so the remote spins on the status
// byte. Before v2023.10 those reads go through the cache without invalidate: on a write-back
// mapped table the spin never sees DRIVER_OK unless the line happens to be evicted (real-bugs B5);
// the model shows exactly that. From v2023.10 RSC_TABLE_INVALIDATE(vdev, 28 B) precedes each
// read. Also: the two vring descriptions, virtqueue creation and rproc_virtio_notified's dispatch
// by notify id. Not modelled: config space access, reset, the driver role.

#include <array>
#include <cstdint>
#include <functional>
#include <memory>

#include "sw/shm/layout.h"
#include "sw/zephyr/device_virtqueue.h"
#include "sw/zephyr/metal_cache.h"
#include "sw/zephyr/openamp_release.h"

namespace sim::sw::zephyr {

class RemoteprocVirtio {
public:
  /// One `fw_rsc_vdev_vring` as the sample reads it from the table.
  struct VringInfo {
    std::uint32_t da = 0;
    std::uint32_t align = 0;
    std::uint32_t num = 0;
    std::uint32_t notifyid = 0;
  };

  /// rproc_virtio_create_vdev(VIRTIO_DEV_DEVICE, vdev_notifyid, &rsc->vdev, ...): `notify` is the
  /// platform's mailbox_notify(priv, vring notify id).
  RemoteprocVirtio(hal::Hal& hal, MetalCache& cache, const OpenampRelease& release, hal::Addr table,
                   const shm::rsc::ZephyrTableLayout& layout, std::uint32_t vdev_notifyid,
                   std::function<void(std::uint32_t)> notify);

  std::uint8_t get_status();
  void set_status(std::uint8_t status);
  /// dfeatures & gfeatures.
  std::uint32_t get_features();
  /// rproc_virtio_wait_remote_ready: spins until the status shows DRIVER_OK.
  void wait_remote_ready();
  /// rpmsg_virtio_wait_remote_ready: the same, clearing a NEEDS_RESET status on the way.
  void wait_remote_ready_or_reset();

  /// rproc_virtio_create_vdev's reads of the table: num_of_vrings and, from v2024.05, the vdev
  /// id. Returns the vring count.
  std::uint8_t create_vdev();
  /// The table's vring[i] entry, read field by field (plain struct accesses in the sample).
  VringInfo table_vring(unsigned i);
  /// rproc_virtio_init_vring.
  void init_vring(unsigned i, const VringInfo& info);
  /// virtio_create_virtqueues for the device role: vring 0 = tx_vq, 1 = rx_vq.
  void create_virtqueues(DeviceVirtqueue::ShmRegion shm,
                         std::array<std::function<void()>, 2> callbacks);
  DeviceVirtqueue& vq(unsigned i) { return *vqs_.at(i); }
  /// rproc_virtio_notified: runs the callback of every vring with this notify id (or all for
  /// RSC_NOTIFY_ID_ANY); the vdev's own id is ignored.
  void notified(std::uint32_t notifyid);

  /// vdev->id.device as create_vdev read it (0 before v2024.05, which does not read it).
  std::uint32_t device_id() const { return device_id_; }
  hal::Addr status_addr() const { return table_ + layout_.status(); }
  hal::Addr vdev_addr() const { return table_ + layout_.vdev(); }

private:
  template <typename Ready> void spin_until(Ready ready);

  hal::Hal& hal_;
  MetalCache& cache_;
  const OpenampRelease& release_;
  hal::Addr table_;
  shm::rsc::ZephyrTableLayout layout_;
  std::uint32_t vdev_notifyid_;
  std::uint32_t device_id_ = 0; ///< vdev->id.device, kept as OpenAMP keeps it (unused)
  std::function<void(std::uint32_t)> notify_;
  std::array<VringInfo, 2> vrings_{};
  std::array<std::unique_ptr<DeviceVirtqueue>, 2> vqs_;
  std::array<std::function<void()>, 2> callbacks_;
};

} // namespace sim::sw::zephyr
