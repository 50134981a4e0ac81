package io.cskpi.server;

import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * One request of the bad-request corpus and the answer it must get: a status code and the field
 * the {@code google.rpc.BadRequest} detail names ({@code null}: no field named, as for OK).
 *
 * @param request the request's wire bytes, which may hold what no Java builder builds (invalid UTF-8)
 * @param apiKey the key the call is made with: {@code null} for an administrator's, or
 *     {@link BadRequestCorpus#OTHER_TENANTS_KEY} or {@link BadRequestCorpus#NO_KEY}
 */
record BadCall(String method, String what, byte[] request, Status.Code code, String field, String apiKey) {

  BadCall(MethodDescriptor<?, ?> method, String what, byte[] request, Status.Code code, String field) {
    this(method.getFullMethodName(), what, request, code, field, null);
  }

  BadCall as(String key) {
    return new BadCall(method, what, request, code, field, key);
  }

  @Override
  public String toString() {
    return method.substring(method.lastIndexOf('/') + 1) + ": " + what + " -> " + code
        + (field == null ? "" : " on " + field);
  }
}
