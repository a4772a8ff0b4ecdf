namespace RuleForge.Net;

/// <summary>Orders ranges by their first address; a struct so sorting calls it directly.</summary>
internal readonly struct AddressRangeOrder : IComparer<AddressRange>
{
    public int Compare(AddressRange x, AddressRange y) => x.First.CompareTo(y.First);
}
