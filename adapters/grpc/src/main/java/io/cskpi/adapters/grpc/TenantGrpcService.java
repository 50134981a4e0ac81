package io.cskpi.adapters.grpc;

import io.cskpi.application.CreateTenant;
import io.cskpi.application.GetTenant;
import io.cskpi.application.UpdateTenant;
import io.cskpi.domain.Identifiers;
import io.cskpi.domain.TenantId;
import io.cskpi.proto.v1.CreateTenantRequest;
import io.cskpi.proto.v1.GetTenantRequest;
import io.cskpi.proto.v1.Tenant;
import io.cskpi.proto.v1.TenantServiceGrpc;
import io.cskpi.proto.v1.UpdateTenantRequest;
import io.grpc.stub.StreamObserver;

/** cskpi.v1.TenantService. */
public final class TenantGrpcService extends TenantServiceGrpc.TenantServiceImplBase {

  private final CreateTenant createTenant;
  private final GetTenant getTenant;
  private final UpdateTenant updateTenant;

  public TenantGrpcService(CreateTenant createTenant, GetTenant getTenant, UpdateTenant updateTenant) {
    this.createTenant = createTenant;
    this.getTenant = getTenant;
    this.updateTenant = updateTenant;
  }

  @Override
  public void createTenant(CreateTenantRequest request, StreamObserver<Tenant> observer) {
    Rpc.unary(observer, "tenant_id", () -> {
      TenantId id = Caller.reach("tenant_id", new TenantId(Identifiers.tenantId("tenant_id", request.getTenantId())));
      return TenantProtoMapper.toProto(createTenant.create(TenantProtoMapper.fromProto(id, request.getTenant())));
    });
  }

  @Override
  public void getTenant(GetTenantRequest request, StreamObserver<Tenant> observer) {
    Rpc.unary(observer, "name", () ->
        TenantProtoMapper.toProto(getTenant.get(ResourceNames.tenant("name", request.getName()))));
  }

  @Override
  public void updateTenant(UpdateTenantRequest request, StreamObserver<Tenant> observer) {
    Rpc.unary(observer, "tenant.name", () -> {
      TenantId id = ResourceNames.tenant("tenant.name", request.getTenant().getName());
      var changes = TenantProtoMapper.changes(request);
      // The updated tenant's violations are named relative to it (display_name): put them under tenant.
      return TenantProtoMapper.toProto(Fields.under("tenant", () -> updateTenant.update(id, changes)));
    });
  }
}
