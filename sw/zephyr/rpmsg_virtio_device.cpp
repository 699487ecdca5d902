// SPDX-License-Identifier: Apache-2.0
#include "sw/zephyr/rpmsg_virtio_device.h"

#include "sw/shm/layout.h"
#include "sw/shm/ns_message.h"

namespace sim::sw::zephyr {
namespace {

constexpr std::uint32_t kNsAddr = shm::kRpmsgNsAddress; // RPMSG_NS_EPT_ADDR
constexpr std::uint32_t kFirstAddr = shm::kRpmsgReservedAddresses;
constexpr std::size_t kNameMax = shm::kRpmsgNameSize - 1;

} // namespace

RpmsgVirtioDevice::RpmsgVirtioDevice(hal::Hal& hal, MetalCache& cache,
                                     const OpenampRelease& release, RemoteprocVirtio& rproc,
                                     ZephyrStatus& status, const Config& config)
    : hal_(hal), cache_(cache), release_(release), rproc_(rproc), status_(status), config_(config),
      lock_(&hal.os().semaphore("rpmsg_lock", 1, 1)) {
  config_.notify_wait = config.notify_wait && release.has(Feature::kNotifyWaitCb);
  config_.vq_rx_empty_notify =
      config.vq_rx_empty_notify && release.has(Feature::kRxEmptyNotifyOption);
  if (config_.notify_wait) notify_sem_ = &hal.os().semaphore("rpmsg_notify_wait", 0, 1);
}

int RpmsgVirtioDevice::init(DeviceVirtqueue::ShmRegion shm) {
  rproc_.wait_remote_ready_or_reset();
  support_ns_ = (rproc_.get_features() & shm::rsc::kFeatureNs) != 0;
  rproc_.create_virtqueues(shm, {[] {}, [this] { rx_callback(); }});
  svq_ = &rproc_.vq(0);
  rvq_ = &rproc_.vq(1);
  // "Suppress tx-complete interrupts since send method use busy loop when buffer pool exhaust"
  svq_->disable_cb();
  if (support_ns_) {
    auto ns = std::make_unique<RpmsgEndpoint>(
        *this, "NS", kNsAddr, [this](Endpoint&, const void* data, std::size_t len, std::uint32_t) {
          return ns_callback(data, len);
        });
    ns->set_addr(kNsAddr);
    ns->set_registered(true);
    endpoints_.push_back(std::move(ns));
  }
  return kRpmsgSuccess;
}

void RpmsgVirtioDevice::on_notification() {
  if (notify_sem_ != nullptr) notify_sem_->give();
}

RpmsgEndpoint* RpmsgVirtioDevice::find_endpoint(std::uint32_t addr) {
  for (auto& e : endpoints_)
    if (e->registered() && e->addr() == addr) return e.get();
  return nullptr;
}

int RpmsgVirtioDevice::register_endpoint(RpmsgEndpoint& ept, std::uint32_t src) {
  std::uint32_t addr = src;
  if (src == kRpmsgAddrAny) {
    const std::size_t size = addresses_.size();
    std::size_t bit = 0;
    if (release_.has(Feature::kEndpointAddressAfterLast)) {
      // rpmsg_get_address(bitmap, rdev->bitnext, size) (bbefedd): libmetal's search from
      // v2024.05 wraps round, and on a full bitmap it ends where it started: a bit already set,
      // which rpmsg_get_address hands out again without checking.
      std::size_t n = 0;
      while (n < size && addresses_.test((bitnext_ + n) % size)) ++n;
      bit = (bitnext_ + n) % size;
      bitnext_ = (bit + 1) % size; // (addr + 1) % RPMSG_ADDR_BMP_SIZE, with addr = 1024 + bit
    } else {
      while (bit < size && addresses_.test(bit)) ++bit; // the first free one
      if (bit == size) return kRpmsgErrAddr;
    }
    addresses_.set(bit);
    addr = kFirstAddr + static_cast<std::uint32_t>(bit);
  } else if (src >= kFirstAddr) {
    const std::uint32_t bit = src - kFirstAddr;
    if (bit >= addresses_.size()) return kRpmsgErrParam; // rpmsg_is_address_set: out of bitmap
    if (addresses_.test(bit)) return kRpmsgErrAddr;
    addresses_.set(bit);
  }
  ept.set_addr(addr);
  ept.set_registered(true);
  return kRpmsgSuccess;
}

void RpmsgVirtioDevice::unregister_endpoint(RpmsgEndpoint& ept) {
  if (ept.addr() >= kFirstAddr && ept.addr() - kFirstAddr < addresses_.size())
    addresses_.reset(ept.addr() - kFirstAddr);
  ept.set_registered(false);
}

Endpoint& RpmsgVirtioDevice::create_endpoint(const std::string& name, std::uint32_t src,
                                             std::uint32_t dst, EndpointCallback callback) {
  endpoints_.push_back(
      std::make_unique<RpmsgEndpoint>(*this, name.substr(0, kNameMax), dst, std::move(callback)));
  RpmsgEndpoint& ept = *endpoints_.back();
  lock();
  int status = register_endpoint(ept, src);
  unlock();
  // Announce only a named endpoint whose peer is still unknown (rpmsg_create_ept).
  if (status == kRpmsgSuccess && !ept.name().empty() && support_ns_ && ept.dest() == kRpmsgAddrAny)
    status = send_ns_message(ept, shm::kRpmsgNsCreate);
  if (status != kRpmsgSuccess && ept.registered()) {
    lock();
    unregister_endpoint(ept);
    unlock();
  }
  ept.set_create_status(status);
  return ept;
}

void RpmsgVirtioDevice::destroy_endpoint(RpmsgEndpoint& ept) {
  if (!ept.registered()) return;
  if (!ept.name().empty() && support_ns_ && ept.addr() >= kFirstAddr)
    (void)send_ns_message(ept, shm::kRpmsgNsDestroy);
  lock();
  unregister_endpoint(ept);
  unlock();
}

int RpmsgVirtioDevice::send_ns_message(RpmsgEndpoint& ept, std::uint32_t flags) {
  shm::NsMessage msg;
  msg.name = ept.name();
  msg.addr = ept.addr();
  msg.flags = flags;
  // strncpy into the stack struct: the name is NUL-padded.
  const shm::NsMessageBytes bytes = shm::encode_ns_message(msg);
  const int ret =
      send_offchannel_raw(ept.addr(), kNsAddr, bytes.data(), static_cast<int>(bytes.size()), true);
  return ret < 0 ? ret : kRpmsgSuccess;
}

int RpmsgVirtioDevice::ns_callback(const void* data, std::size_t len) {
  // A malformed message is ignored ("the message is corrupted").
  if (len != shm::kRpmsgNsMsgSize) return kRpmsgSuccess;
  const shm::NsMessage msg = shm::decode_ns_message(static_cast<const std::uint8_t*>(data));
  lock();
  RpmsgEndpoint* found = nullptr;
  for (auto& e : endpoints_) {
    // rpmsg_get_endpoint(rdev, name, ANY, dest): the name matches and the endpoint is bound to
    // that peer or to none yet.
    if (!e->registered() || e->name() != msg.name) continue;
    if (e->dest() == msg.addr || e->dest() == kRpmsgAddrAny) {
      found = e.get();
      break;
    }
  }
  if (found != nullptr)
    found->set_dest((msg.flags & shm::kRpmsgNsDestroy) != 0 ? kRpmsgAddrAny : msg.addr);
  unlock();
  return kRpmsgSuccess;
}

} // namespace sim::sw::zephyr
