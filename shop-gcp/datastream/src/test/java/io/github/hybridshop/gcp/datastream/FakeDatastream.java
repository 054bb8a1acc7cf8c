package io.github.hybridshop.gcp.datastream;

import com.google.cloud.datastream.v1.ConnectionProfile;
import com.google.cloud.datastream.v1.CreateConnectionProfileRequest;
import com.google.cloud.datastream.v1.CreateStreamRequest;
import com.google.cloud.datastream.v1.DatastreamGrpc;
import com.google.cloud.datastream.v1.FetchStaticIpsRequest;
import com.google.cloud.datastream.v1.FetchStaticIpsResponse;
import com.google.cloud.datastream.v1.GetConnectionProfileRequest;
import com.google.cloud.datastream.v1.GetStreamRequest;
import com.google.cloud.datastream.v1.ListStreamObjectsRequest;
import com.google.cloud.datastream.v1.ListStreamObjectsResponse;
import com.google.cloud.datastream.v1.OperationMetadata;
import com.google.cloud.datastream.v1.Stream;
import com.google.cloud.datastream.v1.StreamObject;
import com.google.cloud.datastream.v1.UpdateConnectionProfileRequest;
import com.google.cloud.datastream.v1.UpdateStreamRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process Datastream that behaves like the service for the calls the provisioner makes:
 * resources kept by name, long-running operations returned done with the resource packed in
 * {@code Any}, NOT_FOUND for missing resources, ALREADY_EXISTS on a second create, stream state
 * NOT_STARTED on create and moved only by an update masked {@code state}, INVALID_ARGUMENT when
 * the stream names a publication the source database does not have. Every request is recorded.
 */
final class FakeDatastream extends DatastreamGrpc.DatastreamImplBase {
  final Map<String, ConnectionProfile> profiles = new ConcurrentHashMap<>();
  final Map<String, Stream> streams = new ConcurrentHashMap<>();
  final Map<String, List<StreamObject>> objects = new ConcurrentHashMap<>();
  final List<Message> requests = new CopyOnWriteArrayList<>();
  /** Publications that exist on the source database. */
  final Set<String> publications = ConcurrentHashMap.newKeySet();
  List<String> staticIps = List.of("34.72.28.29", "34.67.234.134");

  @Override
  public void getConnectionProfile(GetConnectionProfileRequest request, StreamObserver<ConnectionProfile> response) {
    requests.add(request);
    ConnectionProfile profile = profiles.get(request.getName());
    if (profile == null) {
      response.onError(Status.NOT_FOUND.withDescription("Resource '" + request.getName() + "' was not found").asRuntimeException());
      return;
    }
    // Like the service: the password is write-only.
    ConnectionProfile.Builder visible = profile.toBuilder();
    if (profile.hasPostgresqlProfile()) {
      visible.setPostgresqlProfile(profile.getPostgresqlProfile().toBuilder().clearPassword());
    }
    respond(response, visible.build());
  }

  @Override
  public void createConnectionProfile(CreateConnectionProfileRequest request, StreamObserver<Operation> response) {
    requests.add(request);
    String name = request.getParent() + "/connectionProfiles/" + request.getConnectionProfileId();
    if (profiles.containsKey(name)) {
      response.onError(Status.ALREADY_EXISTS.withDescription(name + " already exists").asRuntimeException());
      return;
    }
    ConnectionProfile created = request.getConnectionProfile().toBuilder().setName(name).build();
    profiles.put(name, created);
    respond(response, done(created));
  }

  @Override
  public void updateConnectionProfile(UpdateConnectionProfileRequest request, StreamObserver<Operation> response) {
    requests.add(request);
    String name = request.getConnectionProfile().getName();
    if (!profiles.containsKey(name)) {
      response.onError(Status.NOT_FOUND.withDescription(name + " was not found").asRuntimeException());
      return;
    }
    profiles.put(name, request.getConnectionProfile());
    respond(response, done(request.getConnectionProfile()));
  }

  @Override
  public void getStream(GetStreamRequest request, StreamObserver<Stream> response) {
    requests.add(request);
    Stream stream = streams.get(request.getName());
    if (stream == null) {
      response.onError(Status.NOT_FOUND.withDescription("Resource '" + request.getName() + "' was not found").asRuntimeException());
      return;
    }
    respond(response, stream);
  }

  @Override
  public void createStream(CreateStreamRequest request, StreamObserver<Operation> response) {
    requests.add(request);
    String name = request.getParent() + "/streams/" + request.getStreamId();
    String publication = request.getStream().getSourceConfig().getPostgresqlSourceConfig().getPublication();
    if (!publications.contains(publication)) {
      response.onError(
          Status.INVALID_ARGUMENT
              .withDescription("Failed to validate the stream: publication \"" + publication + "\" does not exist in the source database")
              .asRuntimeException());
      return;
    }
    Stream created = request.getStream().toBuilder().setName(name).setState(Stream.State.NOT_STARTED).build();
    streams.put(name, created);
    respond(response, done(created));
  }

  @Override
  public void updateStream(UpdateStreamRequest request, StreamObserver<Operation> response) {
    requests.add(request);
    String name = request.getStream().getName();
    Stream existing = streams.get(name);
    if (existing == null) {
      response.onError(Status.NOT_FOUND.withDescription(name + " was not found").asRuntimeException());
      return;
    }
    Stream.Builder updated = existing.toBuilder();
    for (String path : request.getUpdateMask().getPathsList()) {
      switch (path) {
        case "state" -> {
          Stream.State to = request.getStream().getState();
          if (to != Stream.State.RUNNING && to != Stream.State.PAUSED) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("cannot set state " + to).asRuntimeException());
            return;
          }
          updated.setState(to);
        }
        case "display_name" -> updated.setDisplayName(request.getStream().getDisplayName());
        case "source_config" -> updated.setSourceConfig(request.getStream().getSourceConfig());
        case "destination_config" -> updated.setDestinationConfig(request.getStream().getDestinationConfig());
        case "backfill_all" -> updated.setBackfillAll(request.getStream().getBackfillAll());
        default -> {
          response.onError(Status.INVALID_ARGUMENT.withDescription("unknown field mask path " + path).asRuntimeException());
          return;
        }
      }
    }
    streams.put(name, updated.build());
    respond(response, done(updated.build()));
  }

  @Override
  public void listStreamObjects(ListStreamObjectsRequest request, StreamObserver<ListStreamObjectsResponse> response) {
    requests.add(request);
    respond(response, ListStreamObjectsResponse.newBuilder().addAllStreamObjects(objects.getOrDefault(request.getParent(), List.of())).build());
  }

  @Override
  public void fetchStaticIps(FetchStaticIpsRequest request, StreamObserver<FetchStaticIpsResponse> response) {
    requests.add(request);
    respond(response, FetchStaticIpsResponse.newBuilder().addAllStaticIps(staticIps).build());
  }

  <T extends Message> List<T> requestsOf(Class<T> type) {
    return requests.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Operation done(Message resource) {
    return Operation.newBuilder()
        .setName("operations/op-" + System.nanoTime())
        .setDone(true)
        .setResponse(Any.pack(resource))
        .setMetadata(Any.pack(OperationMetadata.getDefaultInstance()))
        .build();
  }

  private static <T> void respond(StreamObserver<T> observer, T value) {
    observer.onNext(value);
    observer.onCompleted();
  }
}
