using Microsoft.SemanticKernel.ChatCompletion;

namespace SpecialistPlatform.Samples.SupportAgent;

/// <summary>
/// What the agent made of a ticket. <c>Answer</c> is the reply for the customer, with the platform's placeholders
/// restored to the ticket's own values locally (the model only ever saw the placeholders); <c>RedactedTicket</c> is the
/// ticket as the model saw it; <c>Conversation</c> holds every message, function call and function result exchanged with
/// the model. A ticket the policy blocks gets no model call: <c>BlockedReason</c> says why and <c>Answer</c> is null.
/// </summary>
public sealed record SupportAgentReply(string? Answer, string? RedactedTicket, string? BlockedReason, ChatHistory Conversation);
