namespace RuleForge.Validation.Shapes;

/// <summary>A list of items; with <see cref="AllowScalar"/> a single item stands for a one-item list.</summary>
/// <param name="Item">What each item is.</param>
/// <param name="AllowScalar">True when one scalar item may be written without the list.</param>
/// <param name="MinItems">The fewest items a written list may have.</param>
public sealed record ListShape(ValueShape Item, bool AllowScalar, int MinItems = 0) : ValueShape;
