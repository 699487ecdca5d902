// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/remoteproc_virtio.h"

#include <string>

#include "sw/shm/vdev_view.h"
#include "sw/zephyr/cache_sites.h"

namespace sim::sw::zephyr {
namespace {

constexpr std::uint32_t kNotifyIdAny = 0xffffffffu; // RSC_NOTIFY_ID_ANY

// How long a spin that maintains the status line itself waits for a touch before re-reading
// anyway. Its own invalidate and refill touch the polled bytes, so such a spin cannot use one
// hal.poll (it would wake itself forever); it waits for the next write or eviction instead, and
// this bound only covers a store landing between its read and its next wait.
constexpr hal::SimTime kSpinRecheck = 1 * hal::kMs;

// Returns after the next touch of [addr, addr+len) or after `timeout`.
void wait_for_touch(hal::Hal& hal, hal::Addr addr, std::size_t len, hal::SimTime timeout) {
  bool first = true;
  hal.poll(
      addr, len,
      [&first] {
        const bool woken = !first;
        first = false;
        return woken;
      },
      timeout);
}

} // namespace

RemoteprocVirtio::RemoteprocVirtio(hal::Hal& hal, MetalCache& cache, const OpenampRelease& release,
                                   hal::Addr table, const shm::rsc::ZephyrTableLayout& layout,
                                   std::uint32_t vdev_notifyid,
                                   std::function<void(std::uint32_t)> notify)
    : hal_(hal), cache_(cache), release_(release), table_(table), layout_(layout),
      vdev_notifyid_(vdev_notifyid), notify_(std::move(notify)) {}

std::uint8_t RemoteprocVirtio::get_status() {
  cache_.rsc_invalidate(vdev_addr(), shm::rsc::kVdevFixedSize, site::kRscStatusInvalidate);
  return hal_.read8(status_addr());
}

void RemoteprocVirtio::set_status(std::uint8_t status) {
  hal_.write8(status_addr(), status);
  cache_.rsc_flush(vdev_addr(), shm::rsc::kVdevFixedSize, site::kRscStatusFlush);
  // rproc_virtio_set_status tells the other side with the vdev's own notify id.
  notify_(vdev_notifyid_);
}

std::uint32_t RemoteprocVirtio::get_features() {
  // rproc_virtio_get_features (v2023.10 on): invalidate, read gfeatures, then
  // rproc_virtio_get_dfeatures, which invalidates the entry again before reading dfeatures.
  cache_.rsc_invalidate(vdev_addr(), shm::rsc::kVdevFixedSize, site::kRscFeaturesInvalidate);
  shm::VdevView vdev(hal_, vdev_addr());
  const std::uint32_t gfeatures = vdev.gfeatures();
  cache_.rsc_invalidate(vdev_addr(), shm::rsc::kVdevFixedSize, site::kRscFeaturesInvalidate);
  return vdev.dfeatures() & gfeatures;
}

template <typename Ready> void RemoteprocVirtio::spin_until(Ready ready) {
  // metal_cpu_yield() between reads does not let lower-priority threads run: the core spins.
  if (!cache_.switches().rsc_table) {
    // Plain cached (or uncached) reads: one poll, woken by any write or line event on the byte.
    hal_.poll(status_addr(), 1, ready, hal::kForever);
    return;
  }
  while (!ready()) wait_for_touch(hal_, status_addr(), 1, kSpinRecheck);
}

void RemoteprocVirtio::wait_remote_ready() {
  spin_until([this] { return (get_status() & shm::rsc::kStatusDriverOk) != 0; });
}

void RemoteprocVirtio::wait_remote_ready_or_reset() {
  spin_until([this] {
    const std::uint8_t status = get_status();
    if ((status & shm::rsc::kStatusNeedsReset) != 0) {
      set_status(0);
      return false;
    }
    return (status & shm::rsc::kStatusDriverOk) != 0;
  });
}

std::uint8_t RemoteprocVirtio::create_vdev() {
  const shm::VdevView vdev(hal_, vdev_addr());
  const std::uint8_t vrings = vdev.num_of_vrings();
  // vdev->id.device = vdev_rsc->id (v2024.05, PR #540): unused by rpmsg, but a read of the
  // table through the cache all the same.
  if (release_.has(Feature::kVdevDeviceId)) device_id_ = vdev.id();
  return vrings;
}

RemoteprocVirtio::VringInfo RemoteprocVirtio::table_vring(unsigned i) {
  shm::VdevVringView v = shm::VdevView(hal_, vdev_addr()).vring(i);
  VringInfo info;
  info.notifyid = v.notifyid();
  info.da = v.da();
  info.num = v.num();
  info.align = v.align();
  return info;
}

void RemoteprocVirtio::init_vring(unsigned i, const VringInfo& info) {
  // The ring indices are masked with num - 1 everywhere: a table with another num is a build
  // error in the real image, a panic here.
  if (info.num == 0 || (info.num & (info.num - 1)) != 0 || info.align == 0)
    hal_.panic("vring" + std::to_string(i) + ": num " + std::to_string(info.num) + ", align " +
               std::to_string(info.align) + " in the resource table");
  vrings_.at(i) = info;
}

void RemoteprocVirtio::create_virtqueues(DeviceVirtqueue::ShmRegion shm,
                                         std::array<std::function<void()>, 2> callbacks) {
  callbacks_ = std::move(callbacks);
  const site::VringSites* sites[2] = {&site::kVring0, &site::kVring1};
  for (unsigned i = 0; i < 2; ++i) {
    const VringInfo& v = vrings_[i];
    // The sample passes (void *)vring_rsc->da: device addresses are identity-mapped.
    shm::VringView ring(hal_, v.da, v.num, v.align);
    vqs_[i] = std::make_unique<DeviceVirtqueue>(hal_, cache_, release_, *sites[i], ring, v.notifyid,
                                                shm, notify_);
  }
}

void RemoteprocVirtio::notified(std::uint32_t notifyid) {
  if (notifyid == vdev_notifyid_) return;
  for (unsigned i = 0; i < 2; ++i)
    if (vqs_[i] && (vrings_[i].notifyid == notifyid || notifyid == kNotifyIdAny) && callbacks_[i])
      callbacks_[i]();
}

} // namespace sim::sw::zephyr
