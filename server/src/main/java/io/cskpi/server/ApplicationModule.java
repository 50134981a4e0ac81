package io.cskpi.server;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.cskpi.adapters.grpc.GrpcApi;
import io.cskpi.adapters.grpc.RecordCounter;
import io.cskpi.adapters.mysql.MySqlApiKeyRepository;
import io.cskpi.adapters.mysql.MySqlStore;
import io.cskpi.adapters.text.LuceneCommentAnalyzer;
import io.cskpi.application.ApiKeys;
import io.cskpi.application.UseCases;
import io.grpc.ServerServiceDefinition;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The service wired explicitly: the MySQL adapters behind the ports, the use cases on them, the
 * gRPC services on the use cases. The application stays plain Java: no annotations there.
 */
final class ApplicationModule extends AbstractModule {

  private final RecordCounter counter;

  ApplicationModule(RecordCounter counter) {
    this.counter = counter;
  }

  @Provides
  @Singleton
  UseCases useCases(DataSource dataSource) {
    return UseCases.on(MySqlStore.ports(dataSource), new LuceneCommentAnalyzer(), Clock.systemUTC());
  }

  @Provides
  @Singleton
  ApiKeys apiKeys(DataSource dataSource) {
    return new ApiKeys(new MySqlApiKeyRepository(dataSource), Clock.systemUTC());
  }

  @Provides
  @Singleton
  List<ServerServiceDefinition> services(UseCases useCases, ApiKeys apiKeys) {
    return GrpcApi.services(useCases, apiKeys, counter);
  }
}
